using System.Text.Json;
using Plotly.NET;

namespace BatchTutorial.Plots.Tests;

/// <summary>A chart's plotly JSON, read back through <see cref="Charts.ToJson"/>, with the parts the tests check.</summary>
internal sealed class ChartJson
{
    private ChartJson(JsonElement root)
    {
        Root = root;
    }

    public JsonElement Root { get; }

    public JsonElement Layout => Root.GetProperty("layout");

    public IReadOnlyList<JsonElement> Traces => Root.GetProperty("data").EnumerateArray().ToList();

    public string Title => Layout.GetProperty("title").GetProperty("text").GetString()!;

    public string XTitle => Layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString()!;

    public string YTitle => Layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString()!;

    public IReadOnlyList<string> TraceNames => Traces.Select(t => t.GetProperty("name").GetString()!).ToList();

    public static ChartJson Of(GenericChart chart)
    {
        using JsonDocument document = JsonDocument.Parse(Charts.ToJson(chart));
        return new ChartJson(document.RootElement.Clone());
    }

    public string? AxisType(string axis) =>
        Layout.GetProperty(axis).TryGetProperty("type", out JsonElement type) ? type.GetString() : null;

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static double[] X(JsonElement trace) => Numbers(trace.GetProperty("x"));

    public static double[] Y(JsonElement trace) => Numbers(trace.GetProperty("y"));

    public static string? Dash(JsonElement trace) =>
        trace.TryGetProperty("line", out JsonElement line) && line.TryGetProperty("dash", out JsonElement dash) ? dash.GetString() : null;
}
