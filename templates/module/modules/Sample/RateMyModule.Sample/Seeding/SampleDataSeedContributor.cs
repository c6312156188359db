using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Seeding;
using RateMyModule.Sample.Data;
using RateMyModule.Sample.Domain;

namespace RateMyModule.Sample.Seeding;

/// <summary>Demo items (only with <see cref="DataSeedContext.IncludeDemoData"/>), matched by name so a second run adds nothing.</summary>
public sealed class SampleDataSeedContributor(SampleDbContext db) : IDataSeedContributor
{
    internal static readonly string[] DemoNames = ["First demo item", "Second demo item"];

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        if (!context.IncludeDemoData)
        {
            return;
        }

        var existing = await db.Items.Select(i => i.Name).ToListAsync(cancellationToken);
        foreach (var name in DemoNames.Where(n => !existing.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            db.Items.Add(new SampleItem { Name = name });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
