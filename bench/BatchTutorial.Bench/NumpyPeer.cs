using System.Diagnostics;
using System.Text.Json;

namespace BatchTutorial.Bench;

/// <summary>One batch size's result from bench/numpy_peer.py.</summary>
public sealed record NumpyResult(string Batch, double[] Seconds, double[] FirstEpochWeights, double FirstEpochBias, string Version);

/// <summary>Runs the numpy peer in Debian's Python on raw float64 copies of the data.</summary>
public static class NumpyPeer
{
    /// <summary>The interpreter the peer runs in: Debian's, with python3-numpy.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Writes X and y of <paramref name="data"/> as raw little-endian float64 files into <paramref name="folder"/>.</summary>
    public static (string X, string Y) WriteData(Dataset data, Shape shape, string folder)
    {
        string x = Path.Combine(folder, $"X_{shape}.f64");
        string y = Path.Combine(folder, $"y_{shape}.f64");
        using (FileStream file = File.Create(x))
        {
            file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.X));
        }

        using (FileStream file = File.Create(y))
        {
            file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.Y));
        }

        return (x, y);
    }

    /// <summary>Runs the peer for <paramref name="batches"/> and returns one result per batch size, or an empty list when Python fails.</summary>
    public static IReadOnlyList<NumpyResult> Run(string x, string y, Shape shape, IEnumerable<string> batches, double minSeconds)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "numpy_peer.py");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { script, x, y, shape.Rows.ToString(), shape.Columns.ToString(), string.Join(',', batches), "--min-seconds", minSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var results = new List<NumpyResult>();
        try
        {
            using Process process = Process.Start(start)!;
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                using JsonDocument json = JsonDocument.Parse(line);
                JsonElement root = json.RootElement;
                results.Add(new NumpyResult(
                    root.GetProperty("batch").GetString()!,
                    root.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
                    root.GetProperty("w").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
                    root.GetProperty("b").GetDouble(),
                    root.GetProperty("numpy").GetString()!));
                Console.WriteLine($"numpy {shape} B={results[^1].Batch}: median {Median(results[^1].Seconds) * 1e3:F1} ms");
            }

            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"numpy peer failed with exit code {process.ExitCode}: {errors}");
            }
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            Console.Error.WriteLine($"numpy peer not run: {Python} could not be started ({error.Message}). Install Debian's python3-numpy.");
        }

        return results;
    }

    /// <summary>Returns the median of <paramref name="values"/>.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
