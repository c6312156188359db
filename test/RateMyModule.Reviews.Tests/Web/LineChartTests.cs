using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Web.Charts;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>The trend chart's geometry: readable year labels however long the module has run, and honest gaps.</summary>
public sealed class LineChartTests
{
    private static RatingTrend Trend(int firstYear, int years, Func<int, double?>? average = null)
        => new(RatingDimension.Overall, Enumerable.Range(firstYear, years)
            .Select(y => new TrendPoint(y, 5, average is null ? 4.0 : average(y)))
            .ToList());

    [Fact]
    public void Fifteen_years_get_at_most_eight_evenly_spaced_labels_ending_with_the_latest()
    {
        var chart = new LineChart([Trend(2010, 15)]);

        var labelled = chart.XTicks.Select(t => t.Year).ToList();
        labelled.Count.ShouldBeLessThanOrEqualTo(8);
        labelled[^1].ShouldBe(2024);
        labelled.Zip(labelled.Skip(1), (a, b) => b - a).Distinct().ShouldBe([2]);
        chart.Years.Count.ShouldBe(15, "the chart still plots every year; only the labels are thinned");
    }

    [Fact]
    public void A_few_years_are_all_labelled()
        => new LineChart([Trend(2020, 5)]).XTicks.Select(t => t.Year).ShouldBe([2020, 2021, 2022, 2023, 2024]);

    [Fact]
    public void A_year_without_enough_reviews_breaks_the_line_instead_of_joining_across_it()
    {
        var chart = new LineChart([Trend(2018, 5, y => y == 2020 ? null : 3.5)]);

        var series = chart.Series.Single();
        series.Points.Select(p => p.AcademicYear).ShouldBe([2018, 2019, 2021, 2022]);
        series.Segments.Count.ShouldBe(2);
    }
}
