namespace Oversight.Calendar;

/// <summary>
/// The two astronomical quantities a lunisolar calendar needs: the instant of each new moon and the sun's apparent
/// longitude. Times are Julian Days; <c>jde</c> is Terrestrial (dynamical) Time, <c>jd</c> is Universal Time.
/// </summary>
/// <remarks>
/// After Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998): chapter 49 for the new moon (mean phase, the
/// periodic terms of the new moon and the fourteen planetary corrections; accurate to well under a minute over
/// these centuries), chapter 25's low-accuracy solar coordinates (about 0.01°, a quarter of an hour in the time of
/// a solar term) and, between the two time scales, the ΔT polynomials of Espenak and Meeus (NASA, 2006).
/// </remarks>
internal static class Astronomy
{
    /// <summary>The Julian Day of 2000-01-01 12:00 TT (J2000.0).</summary>
    private const double J2000 = 2451545.0;

    /// <summary>The mean length of a lunation, in days (Meeus 49.1).</summary>
    public const double SynodicMonth = 29.530588861;

    /// <summary>The mean new moon of lunation 0, 2000-01-06 (Meeus 49.1).</summary>
    public const double FirstNewMoonOf2000 = 2451550.09766;

    /// <summary>The instant of new moon number <paramref name="k"/> (0 = 6 Jan 2000, counted in lunations), in TT.</summary>
    public static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;
        var jde = FirstNewMoonOf2000 + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var sunAnomaly = Radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        var moonAnomaly = Radians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        var latitudeArgument = Radians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        var ascendingNode = Radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        var (m, mp, f) = (sunAnomaly, moonAnomaly, latitudeArgument);

        var periodic =
            -0.40720 * Math.Sin(mp)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mp)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mp - m)
            - 0.00514 * e * Math.Sin(mp + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mp - 2 * f)
            - 0.00057 * Math.Sin(mp + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mp + m)
            - 0.00042 * Math.Sin(3 * mp)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mp - m)
            - 0.00017 * Math.Sin(ascendingNode)
            - 0.00007 * Math.Sin(mp + 2 * m)
            + 0.00004 * Math.Sin(2 * mp - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mp + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mp + 2 * f)
            - 0.00003 * Math.Sin(mp + m + 2 * f)
            + 0.00003 * Math.Sin(mp - m + 2 * f)
            - 0.00002 * Math.Sin(mp - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mp + m)
            + 0.00002 * Math.Sin(4 * mp);

        var planetary = 0.0;
        foreach (var (coefficient, start, rate) in PlanetaryArguments)
        {
            planetary += coefficient * Math.Sin(Radians(start + rate * k));
        }

        planetary += 0.000325 * Math.Sin(Radians(299.77 + 0.107408 * k - 0.009173 * t2));
        return jde + periodic + planetary;
    }

    /// <summary>The sun's apparent geometric longitude at <paramref name="jde"/> (TT), in degrees, 0 ≤ λ &lt; 360.</summary>
    public static double SunApparentLongitude(double jde)
    {
        var t = (jde - J2000) / 36525;
        var t2 = t * t;
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t2;
        var meanAnomaly = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t2);
        var centre = (1.914602 - 0.004817 * t - 0.000014 * t2) * Math.Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly)
            + 0.000289 * Math.Sin(3 * meanAnomaly);
        var node = Radians(125.04 - 1934.136 * t);
        var apparent = meanLongitude + centre - 0.00569 - 0.00478 * Math.Sin(node);
        return apparent - 360 * Math.Floor(apparent / 360);
    }

    /// <summary>TT − UT in days at <paramref name="jd"/>.</summary>
    /// <remarks>Espenak and Meeus's polynomials from 1860 on; beyond 2150 their long-term parabola.</remarks>
    public static double DeltaT(double jd)
    {
        var y = 2000 + (jd - J2000) / 365.2425;
        double seconds;
        if (y < 1900)
        {
            var t = y - 1860;
            seconds = 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t - 0.0004473624 * Math.Pow(t, 4) + Math.Pow(t, 5) / 233174;
        }
        else if (y < 1920)
        {
            var t = y - 1900;
            seconds = -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * Math.Pow(t, 4);
        }
        else if (y < 1941)
        {
            var t = y - 1920;
            seconds = 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
        }
        else if (y < 1961)
        {
            var t = y - 1950;
            seconds = 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
        }
        else if (y < 1986)
        {
            var t = y - 1975;
            seconds = 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
        }
        else if (y < 2005)
        {
            var t = y - 2000;
            seconds = 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * Math.Pow(t, 4) + 0.00002373599 * Math.Pow(t, 5);
        }
        else if (y < 2050)
        {
            var t = y - 2000;
            seconds = 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        else
        {
            var u = (y - 1820) / 100;
            seconds = -20 + 32 * u * u - (y < 2150 ? 0.5628 * (2150 - y) : 0);
        }

        return seconds / 86400;
    }

    /// <summary>The additional corrections for new moons, A2 to A14 of Meeus ch. 49 (coefficient, degrees at k = 0, degrees per lunation); A1 has a T² term and is added apart.</summary>
    private static readonly (double Coefficient, double Start, double Rate)[] PlanetaryArguments =
    [
        (0.000165, 251.88, 0.016321),
        (0.000164, 251.83, 26.651886),
        (0.000126, 349.42, 36.412478),
        (0.000110, 84.66, 18.206239),
        (0.000062, 141.74, 53.303771),
        (0.000060, 207.14, 2.453732),
        (0.000056, 154.84, 7.306860),
        (0.000047, 34.52, 27.261239),
        (0.000042, 207.19, 0.121824),
        (0.000040, 291.34, 1.844379),
        (0.000037, 161.72, 24.198154),
        (0.000035, 239.56, 25.513099),
        (0.000023, 331.55, 3.592518),
    ];

    private static double Radians(double degrees) => degrees * (Math.PI / 180);
}
