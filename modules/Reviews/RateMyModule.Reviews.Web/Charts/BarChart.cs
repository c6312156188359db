using System.Globalization;
using RateMyModule.Reviews.Application;

namespace RateMyModule.Reviews.Web.Charts;

public sealed record Bar(int Star, int Count, double Percentage, string Y, string Width, string LabelY);

/// <summary>Horizontal bars of a rating's distribution, laid out on the server in SVG user units (no styles).</summary>
public sealed class BarChart
{
    public const int Width = 320;
    public const int BarLeft = 40;
    public const int BarMaxWidth = 200;
    public const int RowHeight = 24;

    public BarChart(RatingDistribution distribution)
    {
        Distribution = distribution;
        Bars = distribution.Stars.Reverse().Select((s, i) => new Bar(
            s.Star,
            s.Count,
            s.Percentage,
            Number(i * RowHeight + 4),
            Number(Math.Max(s.Percentage / 100 * BarMaxWidth, s.Count > 0 ? 1 : 0)),
            Number(i * RowHeight + 18))).ToList();
    }

    public RatingDistribution Distribution { get; }

    public IReadOnlyList<Bar> Bars { get; }

    public static int Height => 5 * RowHeight + 4;

    public static string ViewBox => $"0 0 {Width} {Height}";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
