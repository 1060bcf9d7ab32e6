namespace Oversight.Calendar;

/// <summary>
/// The two astronomical quantities a lunisolar calendar needs: the instant of each new moon and the sun's apparent
/// longitude. Times are Julian Days; <c>jde</c> is Terrestrial (dynamical) Time, <c>jd</c> is Universal Time.
/// </summary>
/// <remarks>
/// The Moon is ELP/MPP02 fitted to JPL DE405 (Chapront and Francou, 2003) and the Sun VSOP87D (Bretagnon and
/// Francou, 1988), both truncated (<c>Data/moon-elp-mpp02.txt</c>, <c>Data/earth-vsop87d.txt</c>, which say how);
/// a new moon is the instant when the two apparent geocentric longitudes are equal. Against the Swiss Ephemeris
/// (JPL DE431) the new moons of 1900–2100 are within 1.3 s and the solar terms within 12 s (see <c>README.md</c>),
/// which is what deciding on which side of midnight a new moon falls needs: some fall seconds from it. Universal
/// Time comes from the observed ΔT up to 2023 and an extrapolation beyond (<see cref="DeltaT"/>), which after a few
/// decades is the larger uncertainty.
/// </remarks>
internal static class Astronomy
{
    /// <summary>The Julian Day of 2000-01-01 12:00 TT (J2000.0).</summary>
    private const double J2000 = 2451545.0;

    /// <summary>The mean length of a lunation, in days (Meeus, <i>Astronomical Algorithms</i>, 2nd ed., 49.1).</summary>
    public const double SynodicMonth = 29.530588861;

    /// <summary>The mean new moon of lunation 0, 2000-01-06 (Meeus 49.1).</summary>
    public const double FirstNewMoonOf2000 = 2451550.09766;

    /// <summary>The speed of light in km per day, for the Moon's light-time.</summary>
    private const double LightKilometresPerDay = 299792.458 * 86400;

    /// <summary>The year of the first value in <see cref="ObservedDeltaT"/>.</summary>
    private const int FirstObservedYear = 1899;

    private static readonly IReadOnlyDictionary<string, PeriodicSeries> Moon = PeriodicSeries.Load("Oversight.Calendar.moon-elp-mpp02.txt");

    private static readonly IReadOnlyDictionary<string, PeriodicSeries> Earth = PeriodicSeries.Load("Oversight.Calendar.earth-vsop87d.txt");

    /// <summary>
    /// The instant of new moon number <paramref name="k"/> (0 = 6 Jan 2000, counted in lunations), in TT: when the
    /// Moon's and the Sun's apparent geocentric longitudes are equal.
    /// </summary>
    /// <remarks>
    /// Found by the secant method from the mean new moon with the two largest periodic terms of Meeus 49 (within
    /// about an hour); it stops when a step is under 0.01 s.
    /// </remarks>
    public static double NewMoon(int k)
    {
        var moonAnomaly = Degrees(201.5643 + 385.81693528 * k);
        var sunAnomaly = Degrees(2.5534 + 29.10535670 * k);
        var previous = FirstNewMoonOf2000 + SynodicMonth * k - 0.40720 * Math.Sin(moonAnomaly) + 0.17241 * Math.Sin(sunAnomaly);
        var previousElongation = Elongation(previous);
        var jde = previous - previousElongation * SynodicMonth / (2 * Math.PI);
        for (var i = 0; i < 20; i++)
        {
            var elongation = Elongation(jde);
            var step = elongation * (jde - previous) / (elongation - previousElongation);
            (previous, previousElongation) = (jde, elongation);
            jde -= step;
            if (Math.Abs(step) < 1e-7)
            {
                return jde;
            }
        }

        throw new InvalidOperationException($"New moon {k} did not converge.");
    }

    /// <summary>The sun's apparent longitude at <paramref name="jde"/> (TT), in degrees, 0 ≤ λ &lt; 360.</summary>
    public static double SunApparentLongitude(double jde)
    {
        var degrees = (SunLongitude(jde) + NutationInLongitude(jde)) * (180 / Math.PI);
        return degrees - 360 * Math.Floor(degrees / 360);
    }

    /// <summary>TT − UT in days at <paramref name="jd"/>.</summary>
    /// <remarks>
    /// From 1899 to 2023 the observed values at 1 January (<see cref="ObservedDeltaT"/>), linearly interpolated.
    /// After 2023 nobody knows: the Earth's rotation varies by decades. Oversight takes the cubic that the Swiss
    /// Ephemeris (swephlib.c, 2.10) fits to the predictions of Stephenson, Morrison and Hohenkerk (2016),
    /// 64 + 0.17367 u + u²/1250 + 121 u³/3·10⁷ s with u = year − 2000, and joins it to the last observed value by
    /// an offset that shrinks linearly to nothing over the next hundred years: 69.2 s in 2023, 76 s in 2050, 94 s in 2100.
    /// The widely used polynomials of Espenak and Meeus (2006) give 93 s and 203 s, and would move the new moons of
    /// 16 November 2077 and 19 October 2085 before midnight.
    /// </remarks>
    public static double DeltaT(double jd)
    {
        var year = 2000 + (jd - J2000) / 365.25;
        var index = (int)Math.Floor(year) - FirstObservedYear;
        var lastIndex = ObservedDeltaT.Length - 1;
        double seconds;
        if (index < 0)
        {
            seconds = ObservedDeltaT[0];
        }
        else if (index < lastIndex)
        {
            var fraction = year - Math.Floor(year);
            seconds = ObservedDeltaT[index] + fraction * (ObservedDeltaT[index + 1] - ObservedDeltaT[index]);
        }
        else
        {
            var lastYear = FirstObservedYear + lastIndex;
            var offset = (ObservedDeltaT[lastIndex] - Predicted(lastYear)) * Math.Max(0, 1 - (year - lastYear) / 100);
            seconds = Predicted(year) + offset;
        }

        return seconds / 86400;

        static double Predicted(double year)
        {
            var u = year - 2000;
            return 64 + u * 521 / 3000 + u * u / 1250 + u * u * u * 121 / 30_000_000;
        }
    }

    /// <summary>The Moon's longitude less the Sun's, in radians, −π ≤ e &lt; π. Nutation moves both alike and is left out.</summary>
    private static double Elongation(double jde)
    {
        var elongation = MoonLongitude(jde) - SunLongitude(jde);
        return elongation - 2 * Math.PI * Math.Floor((elongation + Math.PI) / (2 * Math.PI));
    }

    /// <summary>
    /// The Moon's geocentric longitude as seen at <paramref name="jde"/>, from the mean equinox of date, in radians:
    /// ELP/MPP02 at the time the light left it.
    /// </summary>
    /// <remarks>
    /// The longitude is the mean longitude W1 plus the series plus the precession since J2000, p_A; W1 and p_A, with
    /// ELP/MPP02's correction of −0.29965″ a century to the precession for the DE405 fit, are as in astronomia 4.2.0
    /// (<c>src/elp.js</c>, <c>data/elpMppDeFull.js</c>), after the ELP/MPP02 documentation (Chapront and Francou, 2002).
    /// </remarks>
    private static double MoonLongitude(double jde)
    {
        var t = (jde - Moon["R"].ValueAt((jde - J2000) / 36525) / LightKilometresPerDay - J2000) / 36525;
        var meanLongitude = 3.8103440908308803 + t * (8399.68473007193 + t * (-3.318952042550094e-5 + t * (3.1102494491060616e-8 + t * -2.0328237648922845e-10)));
        var precession = t * (5029.0966 - 0.29965 + t * (1.1120 + t * (0.000077 - t * 0.00002353)));
        return meanLongitude + Arcseconds(Moon["L"].ValueAt(t) + precession);
    }

    /// <summary>The Sun's geocentric longitude from the mean equinox of date, with aberration, in radians (no nutation).</summary>
    /// <remarks>
    /// VSOP87D's heliocentric Earth turned round, moved to the FK5 frame (−0.09033″) and less the aberration,
    /// −20.4898″ divided by the distance in AU (Meeus 32.3 and 25.10).
    /// </remarks>
    private static double SunLongitude(double jde)
    {
        var t = (jde - J2000) / 365250;
        return Earth["L"].ValueAt(t) + Math.PI + Arcseconds(-0.09033 - 20.4898 / Earth["R"].ValueAt(t));
    }

    /// <summary>The nutation in longitude, Δψ, in radians: the 1980 IAU theory, its terms of at least 0.003″ (Meeus table 22.A, the first 24 rows).</summary>
    private static double NutationInLongitude(double jde)
    {
        var t = (jde - J2000) / 36525;
        var elongation = Degrees(297.85036 + t * (445267.111480 + t * (-0.0019142 + t / 189474)));
        var sunAnomaly = Degrees(357.52772 + t * (35999.050340 + t * (-0.0001603 - t / 300000)));
        var moonAnomaly = Degrees(134.96298 + t * (477198.867398 + t * (0.0086972 + t / 56250)));
        var latitudeArgument = Degrees(93.27191 + t * (483202.017538 + t * (-0.0036825 + t / 327270)));
        var node = Degrees(125.04452 + t * (-1934.136261 + t * (0.0020708 + t / 450000)));
        var sum = 0.0;
        foreach (var (d, m, mp, f, n, coefficient, rate) in Nutation)
        {
            sum += (coefficient + rate * t) * Math.Sin(d * elongation + m * sunAnomaly + mp * moonAnomaly + f * latitudeArgument + n * node);
        }

        return Arcseconds(sum / 10000);
    }

    private static double Degrees(double degrees) => degrees * (Math.PI / 180);

    private static double Arcseconds(double arcseconds) => arcseconds * (Math.PI / 180 / 3600);

    /// <summary>
    /// The multiples of D, M, M′, F and Ω and the coefficient of sin (0.0001″, and its change per century) of the
    /// nutation in longitude: Meeus, <i>Astronomical Algorithms</i>, table 22.A, its first 24 rows.
    /// </summary>
    private static readonly (int D, int M, int MoonAnomaly, int F, int Node, double Coefficient, double Rate)[] Nutation =
    [
        (0, 0, 0, 0, 1, -171996, -174.2),
        (-2, 0, 0, 2, 2, -13187, -1.6),
        (0, 0, 0, 2, 2, -2274, -0.2),
        (0, 0, 0, 0, 2, 2062, 0.2),
        (0, 1, 0, 0, 0, 1426, -3.4),
        (0, 0, 1, 0, 0, 712, 0.1),
        (-2, 1, 0, 2, 2, -517, 1.2),
        (0, 0, 0, 2, 1, -386, -0.4),
        (0, 0, 1, 2, 2, -301, 0),
        (-2, -1, 0, 2, 2, 217, -0.5),
        (-2, 0, 1, 0, 0, -158, 0),
        (-2, 0, 0, 2, 1, 129, 0.1),
        (0, 0, -1, 2, 2, 123, 0),
        (2, 0, 0, 0, 0, 63, 0),
        (0, 0, 1, 0, 1, 63, 0.1),
        (2, 0, -1, 2, 2, -59, 0),
        (0, 0, -1, 0, 1, -58, -0.1),
        (0, 0, 1, 2, 1, -51, 0),
        (-2, 0, 2, 0, 0, 48, 0),
        (0, 0, -2, 2, 1, 46, 0),
        (2, 0, 0, 2, 2, -38, 0),
        (0, 0, 2, 2, 2, -31, 0),
        (0, 0, 2, 0, 0, 29, 0),
        (-2, 0, 1, 2, 2, 29, 0),
    ];

    /// <summary>
    /// ΔT in seconds at 1 January of each year from 1899 to 2023, as observed: the US Naval Observatory's
    /// historic_deltat.data to 1973 and, from 1974, the IERS values of its deltat.data (the January value), as bundled
    /// in astronomia 4.2.0 (<c>data/deltat.js</c>).
    /// </summary>
    private static readonly double[] ObservedDeltaT =
    [
        /* 1899 */ -3.72, -2.70, -1.48, -0.08, 1.26, 2.59, 3.92, 5.20, 6.29, 7.68,
        /* 1909 */ 9.13, 10.38, 11.64, 13.23, 14.69, 16.00, 17.19, 18.19, 19.13, 20.14,
        /* 1919 */ 20.86, 21.41, 22.06, 22.51, 23.01, 23.46, 23.63, 23.95, 24.39, 24.34,
        /* 1929 */ 24.10, 24.02, 23.98, 23.89, 23.93, 23.88, 23.91, 23.76, 23.91, 23.96,
        /* 1939 */ 24.04, 24.35, 24.82, 25.30, 25.77, 26.27, 26.76, 27.27, 27.77, 28.25,
        /* 1949 */ 28.70, 29.15, 29.57, 29.97, 30.36, 30.72, 31.07, 31.35, 31.68, 32.17,
        /* 1959 */ 32.67, 33.15, 33.58, 33.99, 34.47, 35.03, 35.74, 36.55, 37.43, 38.29,
        /* 1969 */ 39.20, 40.18, 41.17, 42.23, 43.37, 44.48, 45.48, 46.46, 47.52, 48.53,
        /* 1979 */ 49.59, 50.54, 51.38, 52.17, 52.96, 53.79, 54.34, 54.87, 55.32, 55.82,
        /* 1989 */ 56.30, 56.86, 57.57, 58.31, 59.12, 59.98, 60.79, 61.63, 62.30, 62.97,
        /* 1999 */ 63.47, 63.83, 64.09, 64.30, 64.47, 64.57, 64.69, 64.85, 65.15, 65.46,
        /* 2009 */ 65.78, 66.07, 66.32, 66.60, 66.91, 67.28, 67.64, 68.10, 68.59, 68.97,
        /* 2019 */ 69.22, 69.36, 69.36, 69.29, 69.17,
    ];
}
