namespace RateMyModule.Sample;

public sealed record SampleItemDto(Guid Id, string Name, DateTimeOffset CreationTime);

public sealed record SampleItemInput(string? Name);
