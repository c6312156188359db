using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Data;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Courses.Tests;

public sealed class DemoDataSeedTests(CoursesFixture fixture) : IClassFixture<CoursesFixture>
{
    [Fact]
    public async Task Demo_data_is_three_universities_twenty_courses_a_hundred_modules_eleven_shared_and_a_second_run_adds_nothing()
    {
        var seeder = fixture.Host.Services.GetRequiredService<DataSeeder>();
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));
        var first = await CountAsync();
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));
        var second = await CountAsync();
        first.ShouldBe((3, 20, 100, 111));
        second.ShouldBe(first);
        var bham = await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ICatalogueLookup>().FindUniversityByEmailDomainAsync("cs.bham.ac.uk"));
        bham!.ShortName.ShouldBe("UoB");
    }

    private Task<(int, int, int, int)> CountAsync() => fixture.Host.ScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CoursesDbContext>();
        return (await db.Universities.CountAsync(), await db.Courses.CountAsync(), await db.Modules.CountAsync(), await db.ModuleCourses.CountAsync());
    });
}
