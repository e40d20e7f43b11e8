using BatchTutorial.Runner;

namespace BatchTutorial.Notebooks.Tests;

/// <summary>
/// The lessons that the slower end-to-end tests (apps against notebook outputs, Jupyter) run in both languages.
/// </summary>
internal static class TestedLessons
{
    /// <summary>Lesson 00 proves the setup; lesson 03 ports the article's training loop and prints its numbers.</summary>
    public static readonly string[] Numbers = ["00", "03"];

    public static TheoryData<string, string> InBothLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (string number in Numbers)
        {
            foreach (string language in RepositoryLayout.Languages)
            {
                data.Add(number, language);
            }
        }

        return data;
    }

    /// <summary>Returns the notebook notebooks/{language}/{number}-*.ipynb, and fails the test when there is not exactly one.</summary>
    public static NotebookLocation Find(string repositoryRoot, string number, string language)
    {
        string folder = Path.Combine(repositoryRoot, "notebooks", language);
        string[] matches = Directory.GetFiles(folder, number + "-*.ipynb");
        Assert.True(matches.Length == 1, $"expected one notebook {folder}/{number}-*.ipynb, found {matches.Length}: lesson {number} is a tested lesson");
        return new NotebookLocation(language, matches[0]);
    }
}
