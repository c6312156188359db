using Microsoft.EntityFrameworkCore.Design;

namespace RateMyModule.Framework.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the Framework's context without starting a host.</summary>
public sealed class FrameworkDbContextFactory : IDesignTimeDbContextFactory<FrameworkDbContext>
{
    public FrameworkDbContext CreateDbContext(string[] args)
        => new(ModuleDbContextRegistration.DesignTimeOptions<FrameworkDbContext>(FrameworkDbContext.Name));
}
