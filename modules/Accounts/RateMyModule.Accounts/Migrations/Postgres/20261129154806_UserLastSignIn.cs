using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Accounts.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserLastSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSignInTime",
                table: "AccUsers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastSignInTime",
                table: "AccUsers");
        }
    }
}
