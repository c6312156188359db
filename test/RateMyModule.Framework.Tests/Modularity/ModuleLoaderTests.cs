using RateMyModule.Framework.Modularity;

namespace RateMyModule.Framework.Tests.Modularity;

public sealed class ModuleLoaderTests
{
    [Fact]
    public void Orders_modules_so_each_comes_after_its_dependencies()
    {
        var order = ModuleLoader.Load(typeof(TopModule)).Select(m => m.Type).ToList();

        order.Count.ShouldBe(4);
        order.IndexOf(typeof(BaseModule)).ShouldBeLessThan(order.IndexOf(typeof(LeftModule)));
        order.IndexOf(typeof(BaseModule)).ShouldBeLessThan(order.IndexOf(typeof(RightModule)));
        order.IndexOf(typeof(LeftModule)).ShouldBeLessThan(order.IndexOf(typeof(TopModule)));
        order.IndexOf(typeof(RightModule)).ShouldBeLessThan(order.IndexOf(typeof(TopModule)));
        order[^1].ShouldBe(typeof(TopModule));
    }

    [Fact]
    public void A_cycle_fails_fast_naming_the_modules_in_it()
    {
        var error = Should.Throw<ModuleLoadException>(() => ModuleLoader.Load(typeof(CycleAModule)));

        error.Message.ShouldContain("cycle");
        error.Message.ShouldContain("CycleAModule -> CycleBModule -> CycleAModule");
    }

    [Fact]
    public void A_dependency_that_is_not_a_module_fails_fast_naming_it_and_its_dependant()
    {
        var error = Should.Throw<ModuleLoadException>(() => ModuleLoader.Load(typeof(BrokenModule)));

        error.Message.ShouldContain("String");
        error.Message.ShouldContain("BrokenModule");
    }

    public sealed class BaseModule : AppModule;

    [DependsOn(typeof(BaseModule))]
    public sealed class LeftModule : AppModule;

    [DependsOn(typeof(BaseModule))]
    public sealed class RightModule : AppModule;

    [DependsOn(typeof(LeftModule), typeof(RightModule))]
    public sealed class TopModule : AppModule;

    [DependsOn(typeof(CycleBModule))]
    public sealed class CycleAModule : AppModule;

    [DependsOn(typeof(CycleAModule))]
    public sealed class CycleBModule : AppModule;

    [DependsOn(typeof(string))]
    public sealed class BrokenModule : AppModule;
}
