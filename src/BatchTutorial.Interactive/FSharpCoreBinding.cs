using System.Reflection;
using System.Runtime.Loader;

namespace BatchTutorial.Interactive;

/// <summary>
/// Binds every request for FSharp.Core to the copy the kernel has already loaded.
/// </summary>
/// <remarks>
/// Plotly.NET 6.0.0 is compiled against FSharp.Core 10.1.0.0, but the pinned kernels
/// (Microsoft.dotnet-interactive 1.0.712001 and dotnet-repl 0.3.259) ship FSharp.Core 10.0.0.0,
/// so the first chart call throws <see cref="FileNotFoundException"/> without this handler.
/// The handler must be installed in a submission that runs before the first submission
/// that mentions a Plotly type, because a submission is compiled and bound before it runs.
/// This class therefore references no Plotly type.
/// </remarks>
public static class FSharpCoreBinding
{
    private const string FSharpCoreName = "FSharp.Core";

    private static readonly object Gate = new();
    private static bool _installed;

    /// <summary>
    /// Installs an <see cref="AssemblyLoadContext.Resolving"/> handler on
    /// <see cref="AssemblyLoadContext.Default"/> that returns the loaded FSharp.Core for any
    /// FSharp.Core version. Calling it again does nothing.
    /// </summary>
    /// <returns><c>true</c> when this call installed the handler, <c>false</c> when it was already installed.</returns>
    public static bool Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return false;
            }

            AssemblyLoadContext.Default.Resolving += ResolveFSharpCore;
            _installed = true;
            return true;
        }
    }

    private static Assembly? ResolveFSharpCore(AssemblyLoadContext context, AssemblyName requested)
    {
        if (!string.Equals(requested.Name, FSharpCoreName, StringComparison.Ordinal))
        {
            return null;
        }

        return FindLoadedFSharpCore() ?? LoadFSharpCoreBesideHost();
    }

    private static Assembly? FindLoadedFSharpCore()
    {
        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(assembly.GetName().Name, FSharpCoreName, StringComparison.Ordinal))
            {
                return assembly;
            }
        }

        return null;
    }

    // The kernels carry FSharp.Core.dll next to their entry assembly; it is only loaded here
    // when no F# code has run yet in the process.
    private static Assembly? LoadFSharpCoreBesideHost()
    {
        string path = Path.Combine(AppContext.BaseDirectory, FSharpCoreName + ".dll");
        return File.Exists(path) ? AssemblyLoadContext.Default.LoadFromAssemblyPath(path) : null;
    }
}
