using Microsoft.EntityFrameworkCore.Design;
using RateMyModule.Framework.Data;

namespace RateMyModule.Accounts.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the Accounts context without starting a host.</summary>
public sealed class AccountsDbContextFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args)
        => new(ModuleDbContextRegistration.DesignTimeOptions<AccountsDbContext>(AccountsDbContext.Name));
}
