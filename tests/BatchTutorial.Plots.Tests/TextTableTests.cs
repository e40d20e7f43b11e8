using System.Globalization;

namespace BatchTutorial.Plots.Tests;

[Collection(CultureCollection.Name)]
public class TextTableTests
{
    [Fact]
    public void Formats_numbers_and_aligns_columns()
    {
        var table = new TextTable("method", "B", "updates")
            .Add("full batch", 1000, 1)
            .Add("online", 1, 1000)
            .Add("loss", 0.123456, 2.5e-5);

        string[] lines = table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("method     | B      | updates", lines[0]);
        Assert.Equal("full batch | 1,000  | 1      ", lines[2]);
        Assert.Equal("loss       | 0.1235 | 2.5E-05", lines[4]);
        Assert.Equal("1,000", table.Cell(1, "updates"));
    }

    [Fact]
    public void Wide_characters_count_two_columns()
    {
        var table = new TextTable("手法", "n").Add("オンライン学習", 1);

        string[] lines = table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        // "オンライン学習" is 7 wide characters = 14 columns, so the header "手法" (4 columns) is padded by 10.
        Assert.Equal("手法" + new string(' ', 10) + " | n", lines[0]);
    }

    [Fact]
    public void Html_escapes_cells()
    {
        string html = new TextTable("a<b").Add("x & y").ToHtml();

        Assert.Contains("<th>a&lt;b</th>", html);
        Assert.Contains("<td>x &amp; y</td>", html);
    }

    [Fact]
    public void Rejects_row_of_wrong_width()
    {
        var error = Assert.Throws<ArgumentException>(() => new TextTable("a", "b").Add(1));

        Assert.Equal("cells", error.ParamName);
    }

    [Fact]
    public void Pick_follows_the_ui_culture()
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            Assert.Equal("エポック", Bilingual.Pick("エポック", "epoch"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("epoch", Bilingual.Pick("エポック", "epoch"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
