using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PostKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Figures = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LastSweepAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CleanSweeps = table.Column<int>(type: "INTEGER", nullable: false),
                    ClearedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OpenSubject",
                table: "Alerts",
                column: "Subject",
                unique: true,
                filter: "ClearedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Subject_RaisedAt",
                table: "Alerts",
                columns: new[] { "Subject", "RaisedAt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");
        }
    }
}
