using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using RateMyModule.Web.DataProtection;

namespace RateMyModule.Web.Configuration;

public static class DeploymentServiceCollectionExtensions
{
    /// <summary>
    /// Applies the validated settings: <c>LOG_LEVEL</c> as the floor of every log category, <c>ALLOWED_HOSTS</c> as
    /// the host filter, <c>SECRET_KEY</c> as the key-ring encryption, and the settings themselves as options for the
    /// modules that send mail or sign users in.
    /// </summary>
    public static IServiceCollection AddDeploymentSettings(this IServiceCollection services, DeploymentSettings settings)
    {
        services.AddSingleton(Options.Create(settings));

        if (settings.MinimumLogLevel is { } floor)
        {
            services.PostConfigure<LoggerFilterOptions>(options => ApplyLogLevelFloor(options, floor));
        }

        if (settings.AllowedHosts.Count > 0)
        {
            services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [.. settings.AllowedHosts]);
        }

        if (settings.SecretKey is { } secretKey)
        {
            var secret = new KeyRingSecret(secretKey);
            services.AddSingleton(secret);
            services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new SecretKeyXmlEncryptor(secret));
        }

        return services;
    }

    /// <summary>
    /// Like Django's root logger level: the default level becomes <paramref name="floor"/> and no category logs
    /// below it, while categories appsettings already sets higher (framework noise at Warning) stay where they are.
    /// </summary>
    internal static void ApplyLogLevelFloor(LoggerFilterOptions options, LogLevel floor)
    {
        options.MinLevel = floor;
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var level = rule.CategoryName is null || rule.LogLevel is null || rule.LogLevel < floor ? floor : rule.LogLevel.Value;
            options.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, level, rule.Filter);
        }
    }
}
