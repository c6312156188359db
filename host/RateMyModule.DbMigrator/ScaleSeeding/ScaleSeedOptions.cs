using System.Globalization;

namespace RateMyModule.DbMigrator.ScaleSeeding;

/// <summary>
/// <c>--seed-scale N</c> adds N generated reviews (2 % of them on one module) and <c>--bench-users M</c> adds M
/// signed-in-capable students for docs/benchmarks/throughput.sh. Both need the demo catalogue, so either implies
/// <c>--seed-demo</c>.
/// </summary>
public sealed record ScaleSeedOptions(int Reviews, int BenchUsers, string BenchPassword)
{
    /// <summary>The password of every generated benchmark user unless <c>--bench-password</c> says otherwise.</summary>
    public const string DefaultBenchPassword = "Bench-pass-2026";

    public bool IsRequested => Reviews > 0 || BenchUsers > 0;

    /// <summary>Reads the options from the command line; a malformed number is an <see cref="ArgumentException"/>.</summary>
    public static ScaleSeedOptions Parse(IReadOnlyList<string> args) => new(
        Count(args, "--seed-scale"),
        Count(args, "--bench-users"),
        Value(args, "--bench-password") ?? DefaultBenchPassword);

    private static int Count(IReadOnlyList<string> args, string name)
    {
        var text = Value(args, name);
        if (text is null)
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 50_000_000
            ? value
            : throw new ArgumentException($"{name} needs a whole number from 0 to 50000000, not '{text}'.");
    }

    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name)
            {
                return i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
