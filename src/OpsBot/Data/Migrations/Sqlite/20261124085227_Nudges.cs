using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Nudges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CreatorNudgeSettings",
                columns: table => new
                {
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OptedOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreatorNudgeSettings", x => x.CreatorId);
                });

            migrationBuilder.CreateTable(
                name: "Nudges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OffsetMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OutboxKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nudges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Nudges_At",
                table: "Nudges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Nudges_CreatorId_At",
                table: "Nudges",
                columns: new[] { "CreatorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Nudges_ThreadId_OffsetMinutes",
                table: "Nudges",
                columns: new[] { "ThreadId", "OffsetMinutes" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreatorNudgeSettings");

            migrationBuilder.DropTable(
                name: "Nudges");
        }
    }
}
