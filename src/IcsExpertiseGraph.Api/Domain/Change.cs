namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A field in an update: not mentioned (unchanged), or set to a value (which may be null, to clear it).</summary>
public readonly record struct Change<T>(bool IsSet, T Value)
{
    public T Or(T current) => IsSet ? Value : current;
}

public static class Change
{
    public static Change<T> To<T>(T value) => new(true, value);
}

