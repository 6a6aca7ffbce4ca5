using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Timestamps as the embedded store reads them: the round-trip form it writes goes through the fast parser, and any other
/// form a row may hold (written by hand, by an older build, or by the sqlite3 shell) still reads as the same moment.
/// </summary>
public sealed class SqliteTimestampTests
{
    [Theory]
    [InlineData("2026-11-20T09:30:00.0000000+00:00")]
    [InlineData("2026-11-20T10:30:00.0000000+01:00")]
    [InlineData("2026-11-20 09:30:00Z")]
    [InlineData("2026-11-20T09:30:00Z")]
    [InlineData("2026-11-20 10:30:00+01:00")]
    public void EveryFormOfTheSameMomentReadsAsThatMoment(string stored)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $at, NULL";
        command.Parameters.AddWithValue("$at", stored);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), reader.GetTimestampOrNull(0));
        Assert.Null(reader.GetTimestampOrNull(1));
    }

    [Fact]
    public void WhatTheStoreWritesReadsBackToTheTick()
    {
        var at = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $at";
        command.Parameters.AddWithValue("$at", SqliteValues.Timestamp(at));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        Assert.Equal(at, reader.GetTimestampOrNull(0));
        Assert.Equal(at.UtcTicks, reader.GetTimestampOrNull(0)!.Value.UtcTicks);
    }
}
