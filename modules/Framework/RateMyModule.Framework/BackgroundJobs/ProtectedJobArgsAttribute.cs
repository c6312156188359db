namespace RateMyModule.Framework.BackgroundJobs;

/// <summary>
/// The args carry a secret (a mail with a password-reset or confirmation link, say): they are stored encrypted with
/// data protection, so the jobs table, its backups and anyone who reads them never see it in plain text. The job
/// itself gets the args as they were enqueued.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ProtectedJobArgsAttribute : Attribute
{
    /// <summary>The data-protection purpose: args protected for a job cannot be read under any other purpose.</summary>
    public const string Purpose = "RateMyModule.BackgroundJobs.Args";

    public static bool IsDefinedOn(Type argsType) => IsDefined(argsType, typeof(ProtectedJobArgsAttribute), inherit: false);
}
