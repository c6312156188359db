using Microsoft.EntityFrameworkCore.Design;
using RateMyModule.Framework.Data;

namespace RateMyModule.Notifications.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting a host.</summary>
public sealed class NotificationsDbContextFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args)
        => new(ModuleDbContextRegistration.DesignTimeOptions<NotificationsDbContext>(NotificationsDbContext.Name));
}
