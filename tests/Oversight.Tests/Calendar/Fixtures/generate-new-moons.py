#!/usr/bin/env python3
"""Writes new-moons.csv: every new moon whose date in Vietnam (UTC+7) falls in 1900-2100, from the Swiss Ephemeris.

Needs Debian's packages libswe2.0 and swe-basic-data (see README.md). A new moon is the instant when the apparent
geocentric ecliptic longitudes (of date, with light-time, aberration and nutation) of the Moon and the Sun are
equal; it is found by Newton's method on the difference of the two, from the ephemeris files derived from JPL DE431.
Universal Time is TT - Delta T, with the Swiss Ephemeris's own Delta T.
"""
import ctypes
import datetime
import sys

EPHEMERIS_FILES = b"/usr/share/libswe/ephe"
SEFLG_SWIEPH, SEFLG_SPEED = 2, 256
SE_SUN, SE_MOON = 0, 1
J2000 = 2451545.0
UTC_OFFSET = 7 / 24

swe = ctypes.CDLL("libswe.so.2")
swe.swe_set_ephe_path(EPHEMERIS_FILES)
swe.swe_calc.argtypes = [ctypes.c_double, ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_double), ctypes.c_char_p]
swe.swe_deltat_ex.argtypes = [ctypes.c_double, ctypes.c_int, ctypes.c_char_p]
swe.swe_deltat_ex.restype = ctypes.c_double
error = ctypes.create_string_buffer(256)
result = (ctypes.c_double * 6)()


def longitude_and_speed(jd_tt, body):
    if swe.swe_calc(jd_tt, body, SEFLG_SWIEPH | SEFLG_SPEED, result, error) < 0 or error.value:
        sys.exit(error.value.decode())
    return result[0], result[3]


def new_moon(lunation):
    """The new moon of lunation number k (0 = 6 January 2000, as in Meeus ch. 49), in TT."""
    jd = 2451550.09766 + 29.530588861 * lunation
    for _ in range(20):
        moon, moon_speed = longitude_and_speed(jd, SE_MOON)
        sun, sun_speed = longitude_and_speed(jd, SE_SUN)
        step = ((moon - sun + 180) % 360 - 180) / (moon_speed - sun_speed)
        jd -= step
        if abs(step) < 1e-9:
            return jd
    sys.exit(f"lunation {lunation} did not converge")


def main():
    version = ctypes.create_string_buffer(256)
    swe.swe_version(version)
    print(f"# Swiss Ephemeris {version.value.decode()}", file=sys.stderr)
    print("lunation,tt_jd,delta_t_s,ut,date_utc7")
    for lunation in range(-1240, 1260):
        tt = new_moon(lunation)
        delta_t = swe.swe_deltat_ex(tt, SEFLG_SWIEPH, error)
        ut = datetime.datetime(2000, 1, 1, 12) + datetime.timedelta(days=tt - delta_t - J2000)
        local = ut + datetime.timedelta(days=UTC_OFFSET)
        if datetime.date(1900, 1, 1) <= local.date() <= datetime.date(2100, 12, 31):
            stamp = ut.strftime("%Y-%m-%dT%H:%M:%S") + f"{ut.microsecond / 1e6:.2f}"[1:] + "Z"
            print(f"{lunation},{tt:.7f},{delta_t * 86400:.2f},{stamp},{local.date().isoformat()}")


main()
