namespace RateMyModule.Web.Configuration;

/// <summary>
/// Turns an <see cref="InvalidConfigurationException"/> into what an operator reads in <c>docker logs</c>: one line
/// a problem, no stack trace, and the exit code that stops the container's entrypoint.
/// </summary>
public static class ConfigurationProblemReporter
{
    public const int ExitCode = 1;

    public static int Report(InvalidConfigurationException exception, TextWriter output)
    {
        output.WriteLine("RateMyModule cannot start: the configuration has problems.");
        foreach (var problem in exception.Problems)
        {
            output.WriteLine($"configuration error: {problem}");
        }

        output.Flush();
        return ExitCode;
    }
}
