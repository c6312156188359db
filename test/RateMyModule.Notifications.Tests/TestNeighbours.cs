using System.Collections.Concurrent;
using RateMyModule.Accounts;
using RateMyModule.Courses;

namespace RateMyModule.Notifications.Tests;

/// <summary>A test-only catalogue: one university, one course, and the modules a test adds.</summary>
public sealed class TestCatalogue : ICatalogueLookup
{
    public static readonly UniversityDto University = new(Guid.Parse("0a000000-0000-0000-0000-00000000000a"), "University of Aberdyfi", "UoA", "aberdyfi.ac.uk", new DateOnly(1900, 1, 1), false);
    public static readonly CourseDto Course = new(Guid.Parse("0ca00000-0000-0000-0000-00000000000a"), University.Id, "Computer Science", "a computer scientist", false);

    private readonly ConcurrentDictionary<Guid, ModuleDto> _modules = new();

    public ModuleDto AddModule(string name, bool archived = false)
    {
        var module = new ModuleDto(Guid.NewGuid(), University.Id, name, "M" + Guid.NewGuid().ToString("N")[..6], new DateOnly(2019, 9, 1), [Course.Id], archived);
        _modules[module.Id] = module;
        return module;
    }

    public Task<UniversityDto?> FindUniversityByEmailDomainAsync(string emailDomain, CancellationToken cancellationToken = default)
        => Task.FromResult<UniversityDto?>(emailDomain.EndsWith(University.EmailDomain, StringComparison.OrdinalIgnoreCase) ? University : null);

    public Task<UniversityDto?> GetUniversityAsync(Guid universityId, CancellationToken cancellationToken = default)
        => Task.FromResult<UniversityDto?>(universityId == University.Id ? University : null);

    public Task<UniversityDto?> FindUniversityBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        Task.FromResult<UniversityDto?>(string.Equals(University.ShortName, slug, StringComparison.OrdinalIgnoreCase) ? University : null);

    public Task<IReadOnlyList<UniversityDto>> GetUniversitiesAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<UniversityDto>>([University]);

    public Task<IReadOnlyList<CourseDto>> GetCoursesOfUniversityAsync(Guid universityId, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<CourseDto>>(universityId == University.Id ? [Course] : []);

    public Task<IReadOnlyList<CourseDto>> GetCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<CourseDto>>(courseIds.Contains(Course.Id) ? [Course] : []);

    public Task<IReadOnlyList<ModuleDto>> GetModulesOfCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<ModuleDto>>([.. _modules.Values.Where(m => m.CourseIds.Any(courseIds.Contains))]);

    public Task<IReadOnlyList<ModuleDto>> GetModulesAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<ModuleDto>>([.. moduleIds.Where(_modules.ContainsKey).Select(id => _modules[id])]);

    public Task<ModuleDto?> GetModuleAsync(Guid moduleId, CancellationToken cancellationToken = default)
        => Task.FromResult(_modules.GetValueOrDefault(moduleId));

    public Task<ModuleDto?> FindModuleByCodeAsync(Guid universityId, string code, CancellationToken cancellationToken = default)
        => Task.FromResult(_modules.Values.FirstOrDefault(m => m.UniversityId == universityId && m.Code == code));
}

/// <summary>Who has a confirmed address, and their language, as the Accounts module would answer.</summary>
public sealed class TestRecipients : IEmailRecipientLookup
{
    private readonly ConcurrentDictionary<Guid, EmailRecipient> _recipients = new();

    public Guid Add(string email, string? culture = "en")
    {
        var id = Guid.NewGuid();
        _recipients[id] = new EmailRecipient(email, culture);
        return id;
    }

    public Task<IReadOnlyDictionary<Guid, EmailRecipient>> GetEmailRecipientsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyDictionary<Guid, EmailRecipient>>(userIds.Where(_recipients.ContainsKey).ToDictionary(id => id, id => _recipients[id]));
}

/// <summary>The mails queued, in order, in place of the Accounts module's durable queue (core tests only).</summary>
public sealed class RecordingEmailQueue : IEmailQueue
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public IReadOnlyList<EmailMessage> Sent => [.. _sent];

    public IReadOnlyList<EmailMessage> To(string address) => [.. _sent.Where(m => m.To == address)];

    public Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
