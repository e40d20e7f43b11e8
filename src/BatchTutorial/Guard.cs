using System.Globalization;

namespace BatchTutorial;

/// <summary>
/// Argument checks shared by the library. Each throws at the call with a message, from <see cref="Messages"/>
/// in the current UI culture, that names the parameter, the value received and the rule.
/// </summary>
internal static class Guard
{
    public static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Messages.Format(nameof(Messages.MustBePositive), name, value));
        }
    }

    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, Messages.Format(nameof(Messages.MustBeAtLeast), name, value, minimum));
        }
    }

    public static void NotNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Messages.Format(nameof(Messages.MustNotBeNegative), name, value));
        }
    }

    public static void PositiveFinite(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Messages.Format(nameof(Messages.MustBePositiveFinite), name, Show(value)));
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Messages.Format(nameof(Messages.MustBeFinite), name, Show(value)));
        }
    }

    public static void Fraction(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, Messages.Format(nameof(Messages.MustBeFraction), name, Show(value)));
        }
    }

    public static void NotEmpty(int length, string name)
    {
        if (length == 0)
        {
            throw new ArgumentException(Messages.Format(nameof(Messages.MustNotBeEmpty), name), name);
        }
    }

    public static void SameLength(int length, string name, int otherLength, string otherName)
    {
        if (length != otherLength)
        {
            throw new ArgumentException(Messages.Format(nameof(Messages.LengthMismatch), name, length, otherName, otherLength), name);
        }
    }

    public static void Length(int length, int expected, string name)
    {
        if (length != expected)
        {
            throw new ArgumentException(Messages.Format(nameof(Messages.WrongLength), name, length, expected), name);
        }
    }

    public static void AllFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(Messages.Format(nameof(Messages.ElementNotFinite), name, i, Show(values[i])), name);
            }
        }
    }

    public static void AllBinary(ReadOnlySpan<double> labels, string name)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] != 0.0 && labels[i] != 1.0)
            {
                throw new ArgumentException(Messages.Format(nameof(Messages.LabelNotBinary), name, i, Show(labels[i])), name);
            }
        }
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
