using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposalId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Why = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenCaseKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    NewPriceMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    NewFastLaneFactor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Execution = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExecutionAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextExecutionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutionOwner = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    ExecutionLeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutionError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExecutedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutionResult = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CreatorId_At",
                table: "AuditLog",
                columns: new[] { "CreatorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ProposalId_At",
                table: "AuditLog",
                columns: new[] { "ProposalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CaseKey",
                table: "Proposals",
                column: "CaseKey");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CreatorId_CreatedAt",
                table: "Proposals",
                columns: new[] { "CreatorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Execution_NextExecutionAt",
                table: "Proposals",
                columns: new[] { "Execution", "NextExecutionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OpenCaseKey",
                table: "Proposals",
                column: "OpenCaseKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_ExpiresAt",
                table: "Proposals",
                columns: new[] { "Status", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "Proposals");
        }
    }
}
