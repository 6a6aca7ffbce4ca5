using System.Text.RegularExpressions;
using Bogus;

namespace IcsExpertiseGraph.Api.Domain;

/// <summary>ORCID iDs (0000-0002-1825-0097): sixteen characters in four groups, the last an ISO 7064 MOD 11-2 check character.</summary>
public static partial class Orcid
{
    public static bool IsValid(string? value)
    {
        if (value is null || !Shape().IsMatch(value))
        {
            return false;
        }

        var digits = value.Replace("-", "", StringComparison.Ordinal);
        return CheckCharacter(digits.AsSpan(0, 15)) == digits[15];
    }

    public static char CheckCharacter(ReadOnlySpan<char> fifteenDigits)
    {
        var total = 0;
        foreach (var digit in fifteenDigits)
        {
            total = (total + (digit - '0')) * 2;
        }

        var result = (12 - (total % 11)) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }

    /// <summary>A synthetic iD in the block ORCID issues (0000-0001 to 0000-0003), with a correct check character.</summary>
    public static string Generate(Randomizer random)
    {
        var digits = "000000" + random.Int(1, 3) + random.ReplaceNumbers("########");
        var full = digits + CheckCharacter(digits);
        return $"{full[..4]}-{full[4..8]}-{full[8..12]}-{full[12..]}";
    }

    [GeneratedRegex(@"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")]
    private static partial Regex Shape();
}
