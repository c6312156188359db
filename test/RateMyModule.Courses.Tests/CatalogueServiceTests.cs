using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Application;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews;

namespace RateMyModule.Courses.Tests;

public sealed class CatalogueServiceTests(CoursesFixture fixture) : IClassFixture<CoursesFixture>
{
    private static string Unique(string prefix) => prefix + " " + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).ToArray());

    private static string Domain() => Guid.NewGuid().ToString("N")[..10] + ".ac.uk";

    [Fact]
    public async Task University_names_are_unique_ignoring_case()
    {
        var name = Unique("University of");
        await fixture.CreateUniversityAsync(name, Domain());
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.CreateUniversityAsync(name.ToUpperInvariant(), Domain()));
        error.Code.ShouldBe(CatalogueErrorCodes.UniversityNameTaken);
        error.Field.ShouldBe("Name");
    }

    [Fact]
    public async Task Email_domains_are_unique_and_stored_lower_cased()
    {
        var domain = Domain();
        var id = await fixture.CreateUniversityAsync(Unique("University of"), domain.ToUpperInvariant());
        var stored = await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<UniversityAppService>().GetAsync(id));
        stored.Item.EmailDomain.ShouldBe(domain);
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.CreateUniversityAsync(Unique("University of"), domain));
        error.Code.ShouldBe(CatalogueErrorCodes.EmailDomainTaken);
    }

    [Fact]
    public async Task Course_names_are_unique_within_a_university_only()
    {
        var a = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var b = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        await fixture.CreateCourseAsync(a, "Computer Science");
        await fixture.CreateCourseAsync(b, "Computer Science");
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.CreateCourseAsync(a, "computer science"));
        error.Code.ShouldBe(CatalogueErrorCodes.CourseNameTaken);
    }

    [Fact]
    public async Task Module_codes_are_unique_within_a_university_only()
    {
        var a = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var b = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var courseA = await fixture.CreateCourseAsync(a, "Physics");
        var courseB = await fixture.CreateCourseAsync(b, "Physics");
        await fixture.CreateModuleAsync(a, "Optics", "PH-100", courseA);
        await fixture.CreateModuleAsync(b, "Optics", "PH-100", courseB);
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.CreateModuleAsync(a, "Lasers", "ph-100", courseA));
        error.Code.ShouldBe(CatalogueErrorCodes.ModuleCodeTaken);
        error.Field.ShouldBe("Code");
    }

    [Fact]
    public async Task A_module_cannot_take_a_course_of_another_university()
    {
        var a = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var b = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var courseA = await fixture.CreateCourseAsync(a, "Chemistry");
        var courseB = await fixture.CreateCourseAsync(b, "Chemistry");
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.CreateModuleAsync(a, "Organic Chemistry", "CH-1", courseA, courseB));
        error.Code.ShouldBe(CatalogueErrorCodes.ModuleCoursesOfOneUniversity);
        var none = await Should.ThrowAsync<BusinessException>(() => fixture.CreateModuleAsync(a, "Organic Chemistry", "CH-1"));
        none.Code.ShouldBe(CatalogueErrorCodes.ModuleNeedsCourse);
    }

    [Fact]
    public async Task A_university_with_courses_cannot_be_deleted_but_an_empty_one_can()
    {
        var used = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        await fixture.CreateCourseAsync(used, "History");
        var empty = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<UniversityAppService>().DeleteAsync(used, null)));
        error.Code.ShouldBe(CatalogueErrorCodes.UniversityHasCourses);
        await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<UniversityAppService>().DeleteAsync(empty, null));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<UniversityAppService>().GetAsync(empty)));
    }

    [Fact]
    public async Task A_course_with_enrolled_students_cannot_be_deleted()
    {
        var university = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var course = await fixture.CreateCourseAsync(university, "Economics");
        fixture.Accounts.Students[course] = 3;
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CourseAppService>().DeleteAsync(course, null)));
        error.Code.ShouldBe(CatalogueErrorCodes.CourseHasStudents);
        fixture.Accounts.Students[course] = 0;
        await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CourseAppService>().DeleteAsync(course, null));
    }

    [Fact]
    public async Task The_last_course_of_a_module_cannot_be_deleted()
    {
        var university = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var course = await fixture.CreateCourseAsync(university, "Geology");
        await fixture.CreateModuleAsync(university, "Rocks", "GE-1", course);
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CourseAppService>().DeleteAsync(course, null)));
        error.Code.ShouldBe(CatalogueErrorCodes.CourseIsLastOfModule);
    }

    [Fact]
    public async Task A_module_with_reviews_cannot_be_deleted_but_can_be_archived_and_restored()
    {
        var university = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var course = await fixture.CreateCourseAsync(university, "Biology");
        var module = await fixture.CreateModuleAsync(university, "Genetics", "BI-1", course);
        fixture.Reviews.Summaries[module] = new ModuleReviewSummary(module, 2, 4.5);
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>().DeleteAsync(module, null)));
        error.Code.ShouldBe(CatalogueErrorCodes.ModuleHasReviews);

        await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>().ArchiveAsync(module, null));
        (await GetModuleAsync(module)).IsArchived.ShouldBeTrue();
        fixture.Events.All.ShouldContain(new ModuleArchivedEvent(module, university));
        await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>().RestoreAsync(module, null));
        (await GetModuleAsync(module)).IsArchived.ShouldBeFalse();
        fixture.Events.All.ShouldContain(new ModuleRestoredEvent(module, university));
    }

    [Fact]
    public async Task Changing_a_modules_courses_announces_what_changed()
    {
        var university = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var a = await fixture.CreateCourseAsync(university, "Course A");
        var b = await fixture.CreateCourseAsync(university, "Course B");
        var module = await fixture.CreateModuleAsync(university, "Shared Module", "SH-1", a);
        var stamp = (await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>().GetAsync(module))).ConcurrencyStamp;
        await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>()
            .UpdateAsync(module, new ModuleInput(university, "Shared Module", "SH-1", new DateOnly(2020, 9, 1), [b], stamp)));
        var changed = fixture.Events.All.OfType<ModuleCoursesChangedEvent>().Last(e => e.ModuleId == module);
        changed.AddedCourseIds.ShouldBe([b]);
        changed.RemovedCourseIds.ShouldBe([a]);
    }

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_as_a_conflict()
    {
        var university = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var course = await fixture.CreateCourseAsync(university, "Drama");
        var stale = (await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CourseAppService>().GetAsync(course))).ConcurrencyStamp;
        await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CourseAppService>().UpdateAsync(course, new CourseInput(university, "Drama Studies", "an actor", stale)));
        await Should.ThrowAsync<ConcurrencyConflictException>(() => fixture.AsAsync(CoursesFixture.Admin, sp =>
            sp.GetRequiredService<CourseAppService>().UpdateAsync(course, new CourseInput(university, "Theatre", "an actor", stale))));
        (await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CourseAppService>().GetAsync(course))).Item.Name.ShouldBe("Drama Studies");
    }

    [Fact]
    public async Task Every_change_is_in_the_items_history()
    {
        var university = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        var course = await fixture.CreateCourseAsync(university, "Music");
        var module = await fixture.CreateModuleAsync(university, "Harmony", "MU-1", course);
        var stamp = (await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>().GetAsync(module))).ConcurrencyStamp;
        await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>()
            .UpdateAsync(module, new ModuleInput(university, "Harmony and Counterpoint", "MU-1", new DateOnly(2020, 9, 1), [course], stamp)));
        var history = await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ModuleAppService>().GetHistoryAsync(module));
        history.ShouldContain(h => h.ChangeType == EntityChangeType.Created && h.EntityType == nameof(Module));
        history.ShouldContain(h => h.EntityType == nameof(ModuleCourse));
        var update = history.First(h => h.ChangeType == EntityChangeType.Updated && h.EntityType == nameof(Module));
        update.Changes.ShouldContain(c => c.PropertyName == "Name" && c.OriginalValue == "Harmony" && c.NewValue == "Harmony and Counterpoint");
    }

    [Fact]
    public async Task A_user_without_the_permission_is_refused()
    {
        var university = await fixture.CreateUniversityAsync(Unique("Uni"), Domain());
        await Should.ThrowAsync<CatalogueAccessDeniedException>(() => fixture.AsAsync(CoursesFixture.Student(university), sp =>
            sp.GetRequiredService<CourseAppService>().CreateAsync(new CourseInput(university, "Sneaky Course", "a sneak"))));
        await Should.ThrowAsync<CatalogueAccessDeniedException>(() => fixture.AsAsync(CoursesFixture.UniversityAdminOf(university), sp =>
            sp.GetRequiredService<UniversityAppService>().CreateAsync(new UniversityInput("Another University", "AU", Domain(), new DateOnly(2000, 1, 1)))));
    }

    private Task<ModuleDto> GetModuleAsync(Guid id)
        => fixture.AsAsync(CoursesFixture.Admin, async sp => (await sp.GetRequiredService<ModuleAppService>().GetAsync(id)).Item);
}
