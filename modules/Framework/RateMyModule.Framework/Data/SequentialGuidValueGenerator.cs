using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace RateMyModule.Framework.Data;

/// <summary>
/// Version 7 GUIDs start with a timestamp, so new rows land at the end of the key index instead of at random
/// places in it (index locality), and their text form sorts in creation order.
/// </summary>
public sealed class SequentialGuidValueGenerator : ValueGenerator<Guid>
{
    public override bool GeneratesTemporaryValues => false;

    public override Guid Next(EntityEntry entry) => Guid.CreateVersion7();
}
