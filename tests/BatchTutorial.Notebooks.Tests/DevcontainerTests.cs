using System.Text.Json;
using System.Text.RegularExpressions;
using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// Checks .devcontainer/devcontainer.json (Codespaces) and the VS Code recommendations against the repository.
/// The post-create script itself runs in <see cref="JupyterTests"/>.
/// </summary>
public sealed partial class DevcontainerTests
{
    private static readonly string RepositoryRoot = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    private static readonly string[] NotebookExtensions =
    [
        "ms-dotnettools.dotnet-interactive-vscode",
        "ms-toolsai.jupyter",
        "ms-dotnettools.csdevkit",
    ];

    // devcontainer.json and .vscode/*.json are JSON with comments and trailing commas.
    private static readonly JsonDocumentOptions JsonWithComments = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    [Fact]
    public void Image_IsDotnet10Devcontainer()
    {
        string? image = ReadDevcontainer().GetProperty("image").GetString();

        Assert.StartsWith("mcr.microsoft.com/devcontainers/dotnet:10.0-", image);
    }

    [Fact]
    public void Features_InstallPythonWithJupyter()
    {
        JsonElement features = ReadDevcontainer().GetProperty("features");
        JsonProperty python = Assert.Single(features.EnumerateObject(), feature => feature.Name.StartsWith("ghcr.io/devcontainers/features/python:", StringComparison.Ordinal));

        Assert.True(python.Value.GetProperty("installJupyterlab").GetBoolean(), "the Python feature must install Jupyter (installJupyterlab: true)");
    }

    [Fact]
    public void Extensions_AreNotebookExtensions()
    {
        string[] extensions = ReadStrings(ReadDevcontainer().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions"));

        Assert.Equal(NotebookExtensions.Order(), extensions.Order());
    }

    [Fact]
    public void VsCodeRecommendations_MatchDevcontainer()
    {
        using JsonDocument recommendations = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, ".vscode", "extensions.json")), JsonWithComments);
        string[] recommended = ReadStrings(recommendations.RootElement.GetProperty("recommendations"));

        Assert.Equal(NotebookExtensions.Order(), recommended.Order());
    }

    [Fact]
    public void OpenFiles_Exist()
    {
        string[] openFiles = ReadStrings(ReadDevcontainer().GetProperty("customizations").GetProperty("codespaces").GetProperty("openFiles"));

        Assert.NotEmpty(openFiles);
        foreach (string file in openFiles)
        {
            Assert.True(File.Exists(Path.Combine(RepositoryRoot, file)), $"devcontainer.json opens '{file}', which does not exist");
        }
    }

    [Fact]
    public void PostCreate_NamesExistingFiles()
    {
        string command = PostCreateCommand();
        var pending = new Queue<string>([command]);
        var checkedFiles = new List<string>();

        while (pending.Count > 0)
        {
            string text = pending.Dequeue();
            foreach (Match match in RepositoryPath().Matches(text))
            {
                string file = match.Value;
                Assert.True(File.Exists(Path.Combine(RepositoryRoot, file)), $"the post-create steps name '{file}', which does not exist");
                if (file.EndsWith(".sh", StringComparison.Ordinal) && !checkedFiles.Contains(file))
                {
                    pending.Enqueue(File.ReadAllText(Path.Combine(RepositoryRoot, file)));
                }

                checkedFiles.Add(file);
            }
        }

        Assert.Contains(".devcontainer/post-create.sh", checkedFiles);
        Assert.Contains(".devcontainer/register-kernel.sh", checkedFiles);
        Assert.Contains("BatchTutorial.sln", checkedFiles);
    }

    [Fact]
    public void PostCreate_BuildsWhatSetupLoads()
    {
        string script = File.ReadAllText(Path.Combine(RepositoryRoot, ".devcontainer", "post-create.sh"));
        string setup = File.ReadAllText(Path.Combine(RepositoryRoot, "notebooks", "setup.dib"));

        // setup.dib loads the kit from bin/Release, so a Debug build leaves the first cell failing in a new Codespace.
        Assert.Contains("/bin/Release/net10.0/BatchTutorial.dll", setup);
        Assert.Matches(@"(?m)^dotnet build BatchTutorial\.sln -c Release\b", script);
        Assert.Matches(@"(?m)^dotnet tool restore\b", script);
        Assert.Matches(@"(?m)^bash \.devcontainer/register-kernel\.sh\b", script);
    }

    private static JsonElement ReadDevcontainer()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot, ".devcontainer", "devcontainer.json"));
        using JsonDocument document = JsonDocument.Parse(text, JsonWithComments);
        return document.RootElement.Clone();
    }

    // postCreateCommand may be a string, an array of arguments or an object of named commands.
    private static string PostCreateCommand()
    {
        JsonElement command = ReadDevcontainer().GetProperty("postCreateCommand");
        return command.ValueKind switch
        {
            JsonValueKind.String => command.GetString()!,
            JsonValueKind.Array => string.Join(' ', ReadStrings(command)),
            JsonValueKind.Object => string.Join('\n', command.EnumerateObject().Select(entry => entry.Value.ValueKind == JsonValueKind.Array ? string.Join(' ', ReadStrings(entry.Value)) : entry.Value.GetString())),
            _ => throw new InvalidDataException($"postCreateCommand is a {command.ValueKind}, expected a string, an array or an object"),
        };
    }

    private static string[] ReadStrings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToArray();

    // A repository-relative file name as scripts write it: not part of a longer path or of a shell variable.
    [GeneratedRegex(@"(?<![\w./*$-])(?:[\w.-]+/)*[\w.-]+\.(?:sh|sln|csproj|json|dib|ipynb)(?![\w/])")]
    private static partial Regex RepositoryPath();
}
