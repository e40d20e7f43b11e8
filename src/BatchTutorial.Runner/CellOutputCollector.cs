using System.Text.Json.Nodes;

namespace BatchTutorial.Runner;

/// <summary>
/// Turns the kernel events of one submission into nbformat 4 outputs.
/// </summary>
/// <remarks>
/// Failures are collected from three events: <c>CommandFailed</c> of the cell, <c>CommandFailed</c> of a
/// sub-command, and <c>ErrorProduced</c>. The last matters because a compile error inside an imported
/// .dib section only produces <c>ErrorProduced</c> while the cell itself reports success.
/// </remarks>
internal sealed class CellOutputCollector(int executionCount)
{
    private readonly JsonArray _outputs = [];
    private readonly Dictionary<string, JsonObject> _displaysByValueId = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public void Add(string? eventType, JsonObject? payload, bool isRootCommand)
    {
        if (payload is null)
        {
            return;
        }

        switch (eventType)
        {
            case "StandardOutputValueProduced":
                AddStream("stdout", PlainText(payload));
                break;
            case "StandardErrorValueProduced":
                AddStream("stderr", PlainText(payload));
                break;
            case "DisplayedValueProduced":
                AddDisplay(payload);
                break;
            case "DisplayedValueUpdated":
                UpdateDisplay(payload);
                break;
            case "ReturnValueProduced":
                AddResult(payload);
                break;
            case "ErrorProduced":
                AddError(payload["message"]?.GetValue<string>() ?? "The kernel reported an error without a message.");
                break;
            case "CommandFailed":
                string message = payload["message"]?.GetValue<string>() ?? "The command failed without a message.";
                // A cancelled import follows the ErrorProduced that explains it, so it adds nothing new.
                if (!(isRootCommand && _errors.Count > 0 && message == "Command cancelled."))
                {
                    AddError(message);
                }

                break;
        }
    }

    public CellExecution Finish(TimeSpan elapsed)
    {
        return _errors.Count == 0
            ? new CellExecution(CellStatus.Succeeded, _outputs, elapsed, null)
            : new CellExecution(CellStatus.Failed, _outputs, elapsed, string.Join(Environment.NewLine, _errors));
    }

    public JsonArray Outputs => _outputs;

    private void AddStream(string name, string text)
    {
        if (_outputs.Count > 0 && _outputs[^1] is JsonObject last
            && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == name)
        {
            string previous = string.Concat(((JsonArray)last["text"]!).Select(node => node!.GetValue<string>()));
            last["text"] = ToLines(previous + text);
            return;
        }

        _outputs.Add(new JsonObject
        {
            ["output_type"] = "stream",
            ["name"] = name,
            ["text"] = ToLines(text),
        });
    }

    private void AddDisplay(JsonObject payload)
    {
        JsonObject? data = MimeBundle(payload);
        if (data is null)
        {
            return;
        }

        var output = new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        };
        _outputs.Add(output);

        string? valueId = payload["valueId"]?.GetValue<string>();
        if (valueId is not null)
        {
            _displaysByValueId[valueId] = output;
        }
    }

    private void UpdateDisplay(JsonObject payload)
    {
        string? valueId = payload["valueId"]?.GetValue<string>();
        JsonObject? data = MimeBundle(payload);
        if (valueId is not null && data is not null && _displaysByValueId.TryGetValue(valueId, out JsonObject? output))
        {
            output["data"] = data;
            return;
        }

        AddDisplay(payload);
    }

    private void AddResult(JsonObject payload)
    {
        JsonObject? data = MimeBundle(payload);
        if (data is null)
        {
            return;
        }

        _outputs.Add(new JsonObject
        {
            ["output_type"] = "execute_result",
            ["execution_count"] = executionCount,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        });
    }

    private void AddError(string message)
    {
        if (_errors.Contains(message))
        {
            return;
        }

        _errors.Add(message);
        _outputs.Add(new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = "Error",
            ["evalue"] = message,
            ["traceback"] = new JsonArray(message.Split('\n').Select(line => (JsonNode?)JsonValue.Create(line.TrimEnd('\r'))).ToArray()),
        });
    }

    // Returns null when every value is marked suppressDisplay.
    private static JsonObject? MimeBundle(JsonObject payload)
    {
        var data = new JsonObject();
        foreach (JsonNode? value in payload["formattedValues"] as JsonArray ?? [])
        {
            if (value?["suppressDisplay"]?.GetValue<bool>() == true)
            {
                continue;
            }

            string? mimeType = value?["mimeType"]?.GetValue<string>();
            string? text = value?["value"]?.GetValue<string>();
            if (mimeType is not null && text is not null)
            {
                data[mimeType] = ToLines(text);
            }
        }

        return data.Count == 0 ? null : data;
    }

    private static string PlainText(JsonObject payload)
    {
        return string.Concat((payload["formattedValues"] as JsonArray ?? [])
            .Where(value => value?["mimeType"]?.GetValue<string>() == "text/plain")
            .Select(value => value?["value"]?.GetValue<string>() ?? ""));
    }

    /// <summary>
    /// Splits text into the list-of-lines form Jupyter writes, each line keeping its newline.
    /// </summary>
    public static JsonArray ToLines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
