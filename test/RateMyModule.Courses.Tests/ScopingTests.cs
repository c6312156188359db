using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Tests;

public sealed class ScopingTests(CoursesFixture fixture) : IClassFixture<CoursesFixture>
{
    [Fact]
    public async Task A_university_admin_sees_nothing_of_another_university_and_lists_only_their_own()
    {
        var a = await fixture.CreateUniversityAsync("University of Alpha", "alpha.ac.uk");
        var b = await fixture.CreateUniversityAsync("University of Beta", "beta.ac.uk");
        var courseA = await fixture.CreateCourseAsync(a, "Alpha Course");
        var courseB = await fixture.CreateCourseAsync(b, "Beta Course");
        var moduleB = await fixture.CreateModuleAsync(b, "Beta Module", "B-1", courseB);
        var adminOfA = CoursesFixture.UniversityAdminOf(a);
        var date = new DateOnly(2020, 1, 1);

        var attempts = new (string What, Func<IServiceProvider, Task> Call)[]
        {
            ("get university", sp => sp.GetRequiredService<UniversityAppService>().GetAsync(b)),
            ("update university", sp => sp.GetRequiredService<UniversityAppService>().UpdateAsync(b, new UniversityInput("Stolen", "ST", "st.ac.uk", date))),
            ("archive university", sp => sp.GetRequiredService<UniversityAppService>().ArchiveAsync(b, null)),
            ("delete university", sp => sp.GetRequiredService<UniversityAppService>().DeleteAsync(b, null)),
            ("university history", sp => sp.GetRequiredService<UniversityAppService>().GetHistoryAsync(b)),
            ("get course", sp => sp.GetRequiredService<CourseAppService>().GetAsync(courseB)),
            ("course options", sp => sp.GetRequiredService<CourseAppService>().GetOptionsAsync(b)),
            ("create course", sp => sp.GetRequiredService<CourseAppService>().CreateAsync(new CourseInput(b, "Intruder", "an intruder"))),
            ("update course", sp => sp.GetRequiredService<CourseAppService>().UpdateAsync(courseB, new CourseInput(b, "Intruder", "an intruder"))),
            ("archive course", sp => sp.GetRequiredService<CourseAppService>().ArchiveAsync(courseB, null)),
            ("restore course", sp => sp.GetRequiredService<CourseAppService>().RestoreAsync(courseB, null)),
            ("delete course", sp => sp.GetRequiredService<CourseAppService>().DeleteAsync(courseB, null)),
            ("course history", sp => sp.GetRequiredService<CourseAppService>().GetHistoryAsync(courseB)),
            ("get module", sp => sp.GetRequiredService<ModuleAppService>().GetAsync(moduleB)),
            ("create module", sp => sp.GetRequiredService<ModuleAppService>().CreateAsync(new ModuleInput(b, "Intruder", "X-1", date, [courseB]))),
            ("update module", sp => sp.GetRequiredService<ModuleAppService>().UpdateAsync(moduleB, new ModuleInput(b, "Intruder", "X-1", date, [courseB]))),
            ("archive module", sp => sp.GetRequiredService<ModuleAppService>().ArchiveAsync(moduleB, null)),
            ("restore module", sp => sp.GetRequiredService<ModuleAppService>().RestoreAsync(moduleB, null)),
            ("delete module", sp => sp.GetRequiredService<ModuleAppService>().DeleteAsync(moduleB, null)),
            ("module history", sp => sp.GetRequiredService<ModuleAppService>().GetHistoryAsync(moduleB)),
            ("course list of B", sp => sp.GetRequiredService<CourseAppService>().GetListAsync(new CourseListQuery(UniversityId: b))),
            ("module list of B", sp => sp.GetRequiredService<ModuleAppService>().GetListAsync(new ModuleListQuery(UniversityId: b))),
        };
        foreach (var (what, call) in attempts)
        {
            var thrown = await Should.ThrowAsync<Exception>(() => fixture.AsAsync(adminOfA, call), what);
            thrown.ShouldBeOfType<EntityNotFoundException>(what);
        }

        await fixture.AsAsync(adminOfA, async sp =>
        {
            (await sp.GetRequiredService<UniversityAppService>().GetListAsync(new UniversityListQuery())).Items.Select(i => i.University.Id).ShouldBe([a]);
            (await sp.GetRequiredService<CourseAppService>().GetListAsync(new CourseListQuery())).Items.Select(i => i.Course.Id).ShouldBe([courseA]);
            (await sp.GetRequiredService<ModuleAppService>().GetListAsync(new ModuleListQuery())).Items.ShouldBeEmpty();
            (await sp.GetRequiredService<CourseAppService>().GetAsync(courseA)).Item.Id.ShouldBe(courseA);
        });
    }
}
