using Plotly.NET;

namespace BatchTutorial.Interactive;

/// <summary>
/// The plotly.js bundle that Plotly.NET embeds as a manifest resource, so charts render with no network.
/// </summary>
public static class PlotlyBundle
{
    /// <summary>The file name of the bundle inside Plotly.NET 6.0.0 (plotly.js 2.28.0).</summary>
    public const string FileName = "plotly-2.28.0.min.js";

    /// <summary>
    /// The attribute that marks the <c>&lt;script&gt;</c> element carrying the bundle in a notebook output.
    /// Tools that publish notebooks (the site writer of BatchTutorial.Runner) look for this attribute
    /// to replace the inline bundle with a link to one shared file.
    /// </summary>
    public const string ScriptMarkerAttribute = "data-batchtutorial-plotly-bundle";

    private const string ResourceName = "Plotly.NET." + FileName;

    /// <summary>
    /// Reads the bundle from Plotly.NET's assembly.
    /// </summary>
    /// <exception cref="InvalidOperationException">The installed Plotly.NET carries no resource named <c>Plotly.NET.plotly-2.28.0.min.js</c>.</exception>
    public static string ReadScript()
    {
        using Stream stream = typeof(GenericChart).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"Plotly.NET {typeof(GenericChart).Assembly.GetName().Version} has no embedded resource '{ResourceName}'. "
                + "Reference Plotly.NET 6.0.0, the version this kit is built against.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Wraps the bundle in a <c>&lt;script&gt;</c> element that hides <c>window.define</c> while the
    /// bundle runs and restores it afterwards.
    /// </summary>
    /// <remarks>
    /// Front ends that load require.js (classic Jupyter, exported pages) define an AMD <c>define</c>.
    /// The bundle's UMD header would then register plotly.js as an AMD module and leave the global
    /// <c>Plotly</c> undefined, so the charts would stay blank.
    /// </remarks>
    public static string ToScriptElement(string script)
    {
        ArgumentNullException.ThrowIfNull(script);

        // The newlines keep a trailing "//" comment in the bundle from swallowing the finally block.
        return $"<script type=\"text/javascript\" {ScriptMarkerAttribute}=\"{FileName}\">\n"
            + "var batchTutorialSavedDefine = window.define;\n"
            + "window.define = undefined;\n"
            + "try {\n"
            + script
            + "\n} finally {\n"
            + "window.define = batchTutorialSavedDefine;\n"
            + "}\n"
            + "</script>\n";
    }
}
