using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Tests.Profiles;

public sealed class SurvivorshipTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keep_NewerValueFromOtherRecord_RanksItFirst()
    {
        // Arrange
        var older = new FieldValue("Ada", "crm", "c1", T0);
        var newer = new FieldValue("Grace", "shop", "s1", T0.AddMinutes(1));

        // Act
        var kept = Survivorship.Keep([older], newer);

        // Assert
        Assert.Equal([newer, older], kept);
        Assert.Equal(newer, Survivorship.Winner(kept));
    }

    [Fact]
    public void Keep_OlderValueFromOtherRecord_KeepsBothNewestFirst()
    {
        // Arrange
        var newer = new FieldValue("Grace", "shop", "s1", T0.AddMinutes(1));
        var older = new FieldValue("Ada", "crm", "c1", T0);

        // Act
        var kept = Survivorship.Keep([newer], older);

        // Assert
        Assert.Equal([newer, older], kept);
    }

    [Fact]
    public void Keep_SameRecordNewerValue_ReplacesTheOldOne()
    {
        // Arrange
        var old = new FieldValue("Ada", "crm", "c1", T0);
        var updated = new FieldValue("Augusta", "crm", "c1", T0.AddMinutes(1));

        // Act
        var kept = Survivorship.Keep([old], updated);

        // Assert
        Assert.Equal([updated], kept);
    }

    [Fact]
    public void Keep_SameRecordOlderValue_IsIgnored()
    {
        // Arrange
        var current = new FieldValue("Augusta", "crm", "c1", T0.AddMinutes(1));
        var stale = new FieldValue("Ada", "crm", "c1", T0);

        // Act
        var kept = Survivorship.Keep([current], stale);

        // Assert
        Assert.Equal([current], kept);
    }

    [Fact]
    public void Keep_SameRecordSameTimeTwoValues_KeepsTheSameOneEitherWay()
    {
        // Arrange
        var a = new FieldValue("Ada", "crm", "c1", T0);
        var b = new FieldValue("Augusta", "crm", "c1", T0);

        // Act
        var ab = Survivorship.Keep(Survivorship.Keep([], a), b);
        var ba = Survivorship.Keep(Survivorship.Keep([], b), a);

        // Assert
        Assert.Single(ab);
        Assert.Equal(ab, ba);
    }

    [Fact]
    public void Order_SameTime_BreaksTieBySourceThenRecordThenValue()
    {
        // Arrange
        var values = new[]
        {
            new FieldValue("b", "shop", "r1", T0),
            new FieldValue("a", "shop", "r2", T0),
            new FieldValue("z", "crm", "r9", T0),
            new FieldValue("a", "shop", "r1", T0),
        };

        // Act
        var ordered = values.Order(Survivorship.Order).ToList();

        // Assert
        Assert.Equal([values[2], values[3], values[0], values[1]], ordered);
    }

    [Fact]
    public void Winner_NoCandidates_IsNull()
    {
        // Act
        var winner = Survivorship.Winner([]);

        // Assert
        Assert.Null(winner);
    }
}
