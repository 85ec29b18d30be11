"""The first view frames what a map draws: every feature inside, with a margin, at several map sizes."""

from __future__ import annotations

import pytest

from geo.view import KERN_ROTTERDAM, Bounds, bounds_of, fit, kern, visible

# Rotterdam from the Maasvlakte (west) to Nesselande (east)
ROTTERDAM = Bounds(3.94, 51.84, 4.62, 52.01)


@pytest.mark.parametrize(("w", "h"), [(700, 560), (400, 460), (1200, 600), (320, 320)])
def test_fit_contains_every_corner_with_a_margin(w, h):
    view = fit(ROTTERDAM, w, h, margin=0.08)
    shown = visible(view, w, h)
    for lon, lat in ((ROTTERDAM.min_lon, ROTTERDAM.min_lat), (ROTTERDAM.max_lon, ROTTERDAM.max_lat)):
        assert shown.contains(lon, lat)
    # not absurdly far out: the box fills at least 40% of one side
    assert (ROTTERDAM.max_lon - ROTTERDAM.min_lon) / (shown.max_lon - shown.min_lon) > 0.4 or \
        (ROTTERDAM.max_lat - ROTTERDAM.min_lat) / (shown.max_lat - shown.min_lat) > 0.4


def test_one_point_gets_surroundings_not_the_maximum_zoom():
    point = bounds_of([(4.47, 51.92)]).padded(600)
    view = fit(point, 700, 460)
    shown = visible(view, 700, 460)
    assert shown.max_lat - shown.min_lat > 0.01 and 13 <= view.zoom <= 16


def test_bounds_skip_missing_and_impossible_points():
    assert bounds_of([(None, None), (float("nan"), 1.0), (500.0, 1.0)]) is None
    assert bounds_of([(4.4, 51.9), (None, 2), (4.5, 52.0)]) == Bounds(4.4, 51.9, 4.5, 52.0)


def test_a_city_wide_first_view_frames_the_core_city_not_the_port_and_hoek_van_holland():
    heel_rotterdam = Bounds(3.97, 51.83, 4.60, 51.99)  # Maasvlakte to Nesselande: the core is a third of it
    assert kern(heel_rotterdam) == Bounds(4.33, 51.84, 4.60, 51.99)
    zichtbaar = visible(fit(kern(heel_rotterdam), 900, 560), 900, 560)
    assert zichtbaar.contains(4.35, 51.86)  # Hoogvliet
    assert zichtbaar.contains(4.39, 51.885) and zichtbaar.contains(4.59, 51.98)  # Pernis, Nesselande
    assert not zichtbaar.contains(4.13, 51.98)  # Hoek van Holland stays a pan away


def test_a_box_outside_the_core_is_left_as_it_is():
    hoek_van_holland = Bounds(4.10, 51.96, 4.16, 51.99)
    assert kern(hoek_van_holland) == hoek_van_holland
    assert kern(None) is None
    binnen = Bounds(4.45, 51.90, 4.50, 51.93)  # a search result in the centre
    assert kern(binnen) == binnen and KERN_ROTTERDAM.contains(4.47, 51.92)


# the city: 40 locations from Charlois to Hillegersberg, Delfshaven to Prins Alexander (a grid, about 12 x 11 km)
STAD = [(4.40 + (i % 8) * 0.025, 51.87 + (i // 8) * 0.025) for i in range(40)]
HOEK_VAN_HOLLAND, MAASVLAKTE, ROZENBURG = (4.13, 51.98), (4.02, 51.96), (4.25, 51.905)


def test_the_first_frame_leaves_far_outliers_out_and_buiten_counts_them():
    from geo.view import buiten, eerste_kader

    punten = [*STAD, HOEK_VAN_HOLLAND, MAASVLAKTE, ROZENBURG]  # 3 of 43, west of the city
    box = eerste_kader(punten)
    assert box == bounds_of(STAD)  # the city's locations exactly, every one of them
    assert buiten(punten, box) == [40, 41, 42]  # by their place in the list

    def breedte_stad(kader: Bounds) -> float:  # the share of a laptop's map (940 x 620 px) the city is wide
        shown = visible(fit(kader, 940, 620), 940, 620)
        return (STAD[-1][0] - STAD[0][0]) / (shown.max_lon - shown.min_lon)

    assert breedte_stad(box) > 1.5 * breedte_stad(bounds_of(punten))  # the city half again as wide, or more
    # one outlier north and one east are left out as well: the rule has no favourite side
    noord_oost = [*STAD, (4.50, 52.30), (4.95, 51.93)]
    assert eerste_kader(noord_oost) == bounds_of(STAD) and len(buiten(noord_oost, bounds_of(STAD))) == 2


def test_a_location_near_the_others_is_never_framed_out():
    from geo.view import buiten, eerste_kader

    hoogvliet, nesselande = (4.355, 51.86), (4.60, 51.995)  # the edges of the city, 6-10 km from the centre
    punten = [*STAD, hoogvliet, nesselande]
    assert len(buiten(punten, eerste_kader(punten))) == 0
    # all but one on one street: the tight core does not push out a neighbour 1.4 km away
    straat = [(4.47, 51.92)] * 30 + [(4.49, 51.92)]
    assert len(buiten(straat, eerste_kader(straat))) == 0


def test_few_points_far_apart_are_all_framed():
    from geo.view import buiten, eerste_kader

    for punten in ([(4.47, 51.92), HOEK_VAN_HOLLAND], [(4.47, 51.92), (4.48, 51.93), MAASVLAKTE],
                   [*STAD[:8], HOEK_VAN_HOLLAND]):
        box = eerste_kader(punten)
        assert box == bounds_of(punten) and len(buiten(punten, box)) == 0, punten


def test_a_single_location_and_locations_in_one_place_are_framed_with_surroundings():
    from geo.view import buiten, eerste_kader

    for punten in ([(4.47, 51.92)], [(4.47, 51.92)] * 12):
        box = eerste_kader(punten)
        assert box == Bounds(4.47, 51.92, 4.47, 51.92) and len(buiten(punten, box)) == 0
        shown = visible(fit(box.padded(500), 1460, 620), 1460, 620)  # as the dashboard pads a box without size
        assert shown.contains(4.47, 51.92) and 0.005 < shown.max_lat - shown.min_lat < 0.05


def test_no_points_no_frame():
    from geo.view import buiten, eerste_kader

    assert eerste_kader([]) is None
    assert eerste_kader([(None, None), (float("nan"), 51.9)]) is None
    assert buiten([(4.4, 51.9)], None) == []


def test_labels_that_would_cover_another_are_left_out_by_priority():
    from geo.view import View, zonder_overlap

    labels = [(4.47, 51.92, "Rotterdam Centrum"), (4.471, 51.9201, "Kralingen-Crooswijk"), (4.40, 51.88, "Pernis")]
    ver = View(4.45, 51.91, 10.5)
    assert zonder_overlap(labels, ver) == [0, 2]  # the second sits on the first: left out
    assert zonder_overlap(labels[1:2] + labels[:1], ver) == [0]  # the order is the priority
    dichtbij = View(4.47, 51.92, 19.0)  # close in, 70 m apart is hundreds of pixels
    assert zonder_overlap(labels, dichtbij) == [0, 1, 2]


def test_labels_left_out_exactly_as_when_every_pair_is_compared():
    """The grid of placed labels is a shortcut: on many labels of every length, close and far apart, the kept
    labels are those of comparing each label with every label placed before it."""
    import random

    from geo.view import View, pixel, zonder_overlap

    rng = random.Random(3)
    labels = [(4.3 + rng.random() * 0.4, 51.8 + rng.random() * 0.25, "x" * rng.randint(1, 40)) for _ in range(600)]
    for view in (View(4.45, 51.91, 10.5), View(4.45, 51.91, 13.0), View(4.5, 51.9, 8.0)):
        gezet, verwacht = [], []
        for i, (lon, lat, tekst) in enumerate(labels):
            x, y = pixel(view, lon, lat)
            box = (x - len(tekst) * 7.5 / 2 - 2, y - 8.5, x + len(tekst) * 7.5 / 2 + 2, y + 8.5)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in gezet):
                gezet.append(box)
                verwacht.append(i)
        assert zonder_overlap(labels, view) == verwacht
        assert 0 < len(verwacht) < len(labels)
