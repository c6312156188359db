using Microsoft.EntityFrameworkCore.Design;
using RateMyModule.Framework.Data;

namespace RateMyModule.Reviews.Data;

/// <summary>For <c>dotnet ef migrations add</c> only.</summary>
public sealed class ReviewsDbContextFactory : IDesignTimeDbContextFactory<ReviewsDbContext>
{
    public ReviewsDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeOptions<ReviewsDbContext>(ReviewsDbContext.Name));
}
