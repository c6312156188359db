using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Seeding;
using RateMyModule.Sample.Application;

namespace RateMyModule.Sample.Tests;

public sealed class SampleItemRulesTests(SampleFixture fixture) : IClassFixture<SampleFixture>
{
    [Fact]
    public async Task An_item_is_saved_with_its_name_tidied_and_listed()
    {
        var id = await CreateAsync("  Tidy    rules  ");

        var items = await fixture.AsAsync(SampleFixture.Member, sp => sp.GetRequiredService<SampleItemAppService>().GetListAsync());
        items.ShouldContain(i => i.Id == id && i.Name == "Tidy rules");
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("   y   ")]
    public async Task A_name_shorter_than_the_minimum_is_refused_on_the_name_field(string name)
    {
        var error = await Should.ThrowAsync<BusinessException>(() => CreateAsync(name));
        error.Code.ShouldBe("Sample:NameLength");
        error.Field.ShouldBe(nameof(SampleItemInput.Name));
    }

    [Fact]
    public async Task A_name_longer_than_the_maximum_is_refused()
        => (await Should.ThrowAsync<BusinessException>(() => CreateAsync(new string('n', SampleLimits.NameMax + 1)))).Code.ShouldBe("Sample:NameLength");

    [Fact]
    public async Task A_name_that_differs_only_in_letter_case_is_taken()
    {
        await CreateAsync("Unique Name");
        var error = await Should.ThrowAsync<BusinessException>(() => CreateAsync("UNIQUE name"));
        error.Code.ShouldBe("Sample:NameTaken");
    }

    [Fact]
    public async Task A_user_without_the_permission_may_not_add_or_delete()
    {
        var id = await CreateAsync("Guarded item");
        await Should.ThrowAsync<SampleAccessDeniedException>(() => fixture.AsAsync(SampleFixture.Member, sp =>
            sp.GetRequiredService<SampleItemAppService>().CreateAsync(new SampleItemInput("Not allowed"))));
        await Should.ThrowAsync<SampleAccessDeniedException>(() => fixture.AsAsync(SampleFixture.Member, async sp =>
        {
            await sp.GetRequiredService<SampleItemAppService>().DeleteAsync(id);
            return true;
        }));
        var items = await fixture.AsAsync(SampleFixture.Member, sp => sp.GetRequiredService<SampleItemAppService>().GetListAsync());
        items.ShouldContain(i => i.Id == id);
        items.ShouldNotContain(i => i.Name == "Not allowed");
    }

    [Fact]
    public async Task Seeding_demo_data_twice_adds_the_demo_items_once()
    {
        var seeder = fixture.Host.Services.GetRequiredService<DataSeeder>();
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));

        var items = await fixture.AsAsync(SampleFixture.Member, sp => sp.GetRequiredService<SampleItemAppService>().GetListAsync());
        items.Count(i => i.Name == "First demo item").ShouldBe(1);
        items.Count(i => i.Name == "Second demo item").ShouldBe(1);
    }

    private Task<Guid> CreateAsync(string name)
        => fixture.AsAsync(SampleFixture.Admin, sp => sp.GetRequiredService<SampleItemAppService>().CreateAsync(new SampleItemInput(name)));
}
