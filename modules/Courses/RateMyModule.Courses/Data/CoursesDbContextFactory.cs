using Microsoft.EntityFrameworkCore.Design;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting a host.</summary>
public sealed class CoursesDbContextFactory : IDesignTimeDbContextFactory<CoursesDbContext>
{
    public CoursesDbContext CreateDbContext(string[] args)
        => new(ModuleDbContextRegistration.DesignTimeOptions<CoursesDbContext>(CoursesDbContext.Name));
}
