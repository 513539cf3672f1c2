# Production image. No Docker engine runs on the development machines, so this file is not built in CI;
# it follows the project layout (one production project, configuration from the environment).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props OpsBot.sln ./
COPY src/OpsBot/OpsBot.csproj src/OpsBot/
RUN dotnet restore src/OpsBot/OpsBot.csproj
COPY src/ src/
RUN dotnet publish src/OpsBot/OpsBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The digest charts draw their labels with DejaVu Sans; the base image has no fonts.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Listen on all interfaces inside the container; the SQLite default lives in /app/data (mount a volume),
# production sets Database__Provider=SqlServer and ConnectionStrings__OpsBot and runs `opsbot migrate` once.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
USER app
ENTRYPOINT ["./opsbot"]
