using System.Globalization;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Web.Charts;

public sealed record LinePoint(int AcademicYear, string X, string Y, double Average, int Count);

/// <summary>A line per rating; years without enough reviews break the line instead of becoming a point.</summary>
public sealed record LineSeries(RatingDimension Dimension, int Index, IReadOnlyList<LinePoint> Points, IReadOnlyList<string> Segments);

/// <summary>The trend chart's geometry: academic years on x, averages 1–5 on y, in SVG user units.</summary>
public sealed class LineChart
{
    public const int Width = 640;
    public const int Height = 260;
    public const int Left = 40;
    /// <summary>Room for half of the last year's label, centred on the last point, at the phone's larger type.</summary>
    public const int Right = 56;
    public const int Top = 16;
    public const int Bottom = 40;

    public LineChart(IReadOnlyList<RatingTrend> trends)
    {
        Years = trends.Count == 0 ? [] : trends[0].Points.Select(p => p.AcademicYear).ToList();
        Series = trends.Select((t, i) => Build(t, i)).ToList();
    }

    public IReadOnlyList<int> Years { get; }

    public IReadOnlyList<LineSeries> Series { get; }

    public static string ViewBox => $"0 0 {Width} {Height}";

    public static IReadOnlyList<(int Value, string Y)> YTicks =>
        Enumerable.Range(1, 5).Select(v => (v, Number(YOf(v)))).ToList();

    /// <summary>
    /// At most eight labelled years (every n-th, always the last): more would overlap; the table lists all. Every
    /// other one, counting back from the last, is <c>Minor</c>: a phone, whose labels are drawn larger, hides those.
    /// </summary>
    public IReadOnlyList<(int Year, string X, bool Minor)> XTicks
    {
        get
        {
            var step = Math.Max(1, (int)Math.Ceiling(Years.Count / (double)MaxXLabels));
            var labelled = Years.Where((_, i) => (Years.Count - 1 - i) % step == 0).ToList();
            return labelled.Select((y, i) => (y, Number(XOf(y)), (labelled.Count - 1 - i) % 2 == 1)).ToList();
        }
    }

    private const int MaxXLabels = 8;

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string AxisBottom => Number(Height - Bottom);

    public static string AxisRight => Number(Width - Right);

    public static string LabelY => Number(Height - Bottom + 18);

    private double XOf(int year)
    {
        if (Years.Count <= 1)
        {
            return Left + (Width - Left - Right) / 2.0;
        }

        return Left + (double)(year - Years[0]) / (Years[^1] - Years[0]) * (Width - Left - Right);
    }

    private static double YOf(double average) => Top + (5 - average) / 4 * (Height - Top - Bottom);

    private LineSeries Build(RatingTrend trend, int index)
    {
        var points = trend.Points.Where(p => p.Average is not null)
            .Select(p => new LinePoint(p.AcademicYear, Number(XOf(p.AcademicYear)), Number(YOf(p.Average!.Value)), p.Average!.Value, p.Count))
            .ToList();
        var segments = new List<string>();
        var run = new List<LinePoint>();
        foreach (var point in trend.Points)
        {
            var drawn = points.FirstOrDefault(p => p.AcademicYear == point.AcademicYear);
            if (drawn is null)
            {
                Flush();
                continue;
            }

            run.Add(drawn);
        }

        Flush();
        return new LineSeries(trend.Dimension, index, points, segments);

        void Flush()
        {
            if (run.Count > 1)
            {
                segments.Add(string.Join(' ', run.Select(p => $"{p.X},{p.Y}")));
            }

            run.Clear();
        }
    }
}
