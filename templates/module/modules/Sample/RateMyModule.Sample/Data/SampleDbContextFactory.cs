using Microsoft.EntityFrameworkCore.Design;
using RateMyModule.Framework.Data;

namespace RateMyModule.Sample.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting a host.</summary>
public sealed class SampleDbContextFactory : IDesignTimeDbContextFactory<SampleDbContext>
{
    public SampleDbContext CreateDbContext(string[] args)
        => new(ModuleDbContextRegistration.DesignTimeOptions<SampleDbContext>(SampleDbContext.Name));
}
