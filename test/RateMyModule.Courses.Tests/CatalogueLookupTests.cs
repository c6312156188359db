using Microsoft.Extensions.DependencyInjection;

namespace RateMyModule.Courses.Tests;

public sealed class CatalogueLookupTests(CoursesFixture fixture) : IClassFixture<CoursesFixture>
{
    [Fact]
    public async Task A_sub_domain_finds_its_university_but_a_look_alike_domain_does_not()
    {
        var bham = await fixture.CreateUniversityAsync("University of Birmingham", "bham.ac.uk");
        var lookup = (Func<string, Task<UniversityDto?>>)(domain =>
            fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ICatalogueLookup>().FindUniversityByEmailDomainAsync(domain)));
        (await lookup("cs.bham.ac.uk"))!.Id.ShouldBe(bham);
        (await lookup("BHAM.ac.uk"))!.Id.ShouldBe(bham);
        (await lookup("xbham.ac.uk")).ShouldBeNull();
        (await lookup("ac.uk")).ShouldBeNull();
    }

    [Fact]
    public async Task An_address_of_a_subdomain_finds_the_university_of_its_parent_domain()
    {
        // Universities' domains never nest (see UniversityDomainRulesTests), so the parent is the one answer.
        var open = await fixture.CreateUniversityAsync("Open University", "open.ac.uk");
        var found = await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ICatalogueLookup>().FindUniversityByEmailDomainAsync("dept.fac.open.ac.uk"));
        found!.Id.ShouldBe(open);
    }

    [Fact]
    public async Task Courses_modules_and_codes_are_found_in_batches()
    {
        var university = await fixture.CreateUniversityAsync("Swansea University", "swansea.ac.uk");
        var a = await fixture.CreateCourseAsync(university, "Marine Biology");
        var b = await fixture.CreateCourseAsync(university, "Oceanography");
        var shared = await fixture.CreateModuleAsync(university, "Tides", "SW-1", a, b);
        var onlyB = await fixture.CreateModuleAsync(university, "Currents", "SW-2", b);
        await fixture.AsAsync(CoursesFixture.Admin, async sp =>
        {
            var lookup = sp.GetRequiredService<ICatalogueLookup>();
            (await lookup.GetCoursesOfUniversityAsync(university)).Select(c => c.Id).ShouldBe([a, b]);
            (await lookup.GetModulesOfCoursesAsync([a])).Select(m => m.Id).ShouldBe([shared]);
            (await lookup.GetModulesOfCoursesAsync([a, b])).Select(m => m.Id).ShouldBe([onlyB, shared]);
            (await lookup.GetModuleAsync(shared))!.CourseIds.Count.ShouldBe(2);
            (await lookup.FindModuleByCodeAsync(university, "sw-2"))!.Id.ShouldBe(onlyB);
            (await lookup.GetModulesAsync([shared, onlyB])).Count.ShouldBe(2);
        });
    }
}
