namespace BatchTutorial.Plots.Tests;

public class TextTableHtmlTests
{
    [Fact]
    public void Number_columns_are_listed_on_the_table()
    {
        string html = new TextTable("method", "B", "loss", "note")
            .Add("online", 1, 0.123456, "noisy")
            .Add("full batch", 1000, 2.5e-5, "")
            .Add("mini-batch", 100, double.NaN, "x")
            .ToHtml();

        Assert.StartsWith("<table class=\"batchtutorial-table\" data-number-columns=\"2 3\"><thead><tr><th>method</th><th>B</th>", html);
        Assert.Contains("<tr><td>full batch</td><td>1,000</td><td>2.5E-05</td><td></td></tr>", html);
        Assert.Contains("<td>NaN</td>", html);
    }

    [Fact]
    public void Mixed_column_is_not_a_number_column()
    {
        string html = new TextTable("value").Add(1).Add("n/a").ToHtml();

        Assert.DoesNotContain("data-number-columns", html);
    }

    [Fact]
    public void Empty_table_lists_no_column()
    {
        string html = new TextTable("a", "b").ToHtml();

        Assert.Equal("<table class=\"batchtutorial-table\"><thead><tr><th>a</th><th>b</th></tr></thead><tbody></tbody></table>", html);
    }

    [Fact]
    public void Negative_and_grouped_numbers_count()
    {
        string html = new TextTable("w").Add(-1.2172).Add(0.0029).Add(-1_234_567).ToHtml();

        Assert.Contains("data-number-columns=\"1\"", html);
        Assert.Contains("<td>-1,234,567</td>", html);
    }
}
