using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Application;
using RateMyModule.Reviews;

namespace RateMyModule.Courses.Tests;

public sealed class AdminListTests(CoursesFixture fixture) : IClassFixture<CoursesFixture>
{
    [Fact]
    public async Task Keyset_pages_walk_every_module_once_in_order_in_both_directions()
    {
        var university = await fixture.CreateUniversityAsync("Paging University", "paging.ac.uk");
        var course = await fixture.CreateCourseAsync(university, "Paging Course");
        var names = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            // Pairs of equal names make the Id tie-breaker matter.
            var name = $"Module {(char)('A' + (i / 2))}";
            names.Add(name);
            await fixture.CreateModuleAsync(university, name, $"PG-{i:00}", course);
        }

        foreach (var descending in new[] { false, true })
        {
            var seen = new List<ModuleListItem>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>()
                    .GetListAsync(new ModuleListQuery(UniversityId: university, Page: new PageRequest("name", descending, cursor, 5))));
                seen.AddRange(page.Items);
                cursor = page.NextCursor;
                pages++;
            }
            while (cursor is not null);

            pages.ShouldBe(5);
            seen.Select(m => m.Module.Id).Distinct().Count().ShouldBe(23);
            var expected = descending ? names.OrderByDescending(n => n, StringComparer.Ordinal) : names.Order(StringComparer.Ordinal);
            seen.Select(m => m.Module.Name).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task Sorting_by_code_and_filtering_by_course_search_and_archived()
    {
        var university = await fixture.CreateUniversityAsync("Filter University", "filter.ac.uk");
        var a = await fixture.CreateCourseAsync(university, "Filter A");
        var b = await fixture.CreateCourseAsync(university, "Filter B");
        var first = await fixture.CreateModuleAsync(university, "Zoology", "F-1", a);
        var second = await fixture.CreateModuleAsync(university, "Astronomy 100%", "F-2", b);
        await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>().ArchiveAsync(second, null));
        await fixture.AsAsync(CoursesFixture.Admin, async sp =>
        {
            var service = sp.GetRequiredService<ModuleAppService>();
            (await service.GetListAsync(new ModuleListQuery(university, Page: new PageRequest("code", true)))).Items.Select(i => i.Module.Id).ShouldBe([second, first]);
            (await service.GetListAsync(new ModuleListQuery(university, CourseId: a))).Items.Select(i => i.Module.Id).ShouldBe([first]);
            (await service.GetListAsync(new ModuleListQuery(university, Search: "100%"))).Items.Select(i => i.Module.Id).ShouldBe([second]);
            (await service.GetListAsync(new ModuleListQuery(university, Search: "f-1"))).Items.Select(i => i.Module.Id).ShouldBe([first]);
            (await service.GetListAsync(new ModuleListQuery(university, Archived: false))).Items.Select(i => i.Module.Id).ShouldBe([first]);
        });
    }

    [Fact]
    public async Task A_list_page_gets_its_counts_in_one_call_to_each_neighbour()
    {
        var university = await fixture.CreateUniversityAsync("Counting University", "counting.ac.uk");
        var courses = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var course = await fixture.CreateCourseAsync(university, $"Counting Course {i}");
            fixture.Accounts.Students[course] = i + 1;
            courses.Add(course);
        }

        var modules = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var module = await fixture.CreateModuleAsync(university, $"Counting Module {i}", $"CT-{i}", courses[i % 4]);
            fixture.Reviews.Summaries[module] = new ModuleReviewSummary(module, i, i == 0 ? null : 3.5);
            modules.Add(module);
        }

        await fixture.AsAsync(CoursesFixture.Admin, async sp =>
        {
            var reviewCalls = fixture.Reviews.Calls;
            var moduleList = await sp.GetRequiredService<ModuleAppService>().GetListAsync(new ModuleListQuery(university));
            (fixture.Reviews.Calls - reviewCalls).ShouldBe(1);
            moduleList.Items.Single(m => m.Module.Id == modules[5]).ReviewCount.ShouldBe(5);
            moduleList.Items.Single(m => m.Module.Id == modules[5]).AverageOverall.ShouldBe(3.5);

            var accountCalls = fixture.Accounts.CountCalls;
            var courseList = await sp.GetRequiredService<CourseAppService>().GetListAsync(new CourseListQuery(university));
            (fixture.Accounts.CountCalls - accountCalls).ShouldBe(1);
            courseList.Items.Single(c => c.Course.Id == courses[3]).StudentCount.ShouldBe(4);
            courseList.Items.Single(c => c.Course.Id == courses[1]).ModuleCount.ShouldBe(2);

            accountCalls = fixture.Accounts.CountCalls;
            var universityList = await sp.GetRequiredService<UniversityAppService>().GetListAsync(new UniversityListQuery("Counting"));
            (fixture.Accounts.CountCalls - accountCalls).ShouldBe(1);
            var row = universityList.Items.Single();
            (row.CourseCount, row.ModuleCount, row.StudentCount).ShouldBe((4, 6, 10));
        });
    }
}
