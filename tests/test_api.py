"""The Python API (docs/api.md), used as a pipeline uses it: only the names ``import storyboard`` gives."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
import yaml

import media
import storyboard
from conftest import ROOT, comparable, load_report, run_cli

FPS = 12
DESK = {
    "title": "Desk",
    "resolution": "160x90",
    "fps": FPS,
    "characters": {"AI Voice": {"voice": "female", "effect": "robot"}},
    "shots": [
        {"id": "desk", "framing": "medium", "description": "A man sits at a desk facing a screen.",
         "signs": [{"text": "ACCESS DENIED", "style": "screen", "icon": "padlock"}],
         "lines": [{"Man": "Let me in."}, {"who": "AI Voice", "say": "Access denied."}]},
        {"id": "exit", "framing": "insert", "duration": 1, "signs": ["EXIT"]},
    ],
}
DOOR = """\
title: Door
resolution: 160x90
fps: 12
shots:
  - id: door
    framing: wide
    description: A man walks out of an office building.
    signs: [Tech Corp]
    lines:
      - Man: Goodbye.
"""
BROKEN = """\
title: Broken
resolution: 160x90
shots:
  - id: desk
    framing: closeup
"""
BROKEN_LINE = 5


@pytest.fixture(scope="module")
def scenes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The scenes as files: DESK written as YAML, DOOR, and BROKEN."""
    folder = tmp_path_factory.mktemp("scenes")
    texts = {"desk": yaml.safe_dump(DESK, sort_keys=False), "door": DOOR, "broken": BROKEN}
    for stem, text in texts.items():
        (folder / f"{stem}.yaml").write_text(text)
    return {stem: folder / f"{stem}.yaml" for stem in texts}


@pytest.fixture(scope="module")
def cli_films(tmp_path_factory: pytest.TempPathFactory, scenes: dict[str, Path], cache: Path) -> dict[str, Path]:
    """DESK and DOOR rendered by ``storyboard render``, the reference the API must match byte for byte."""
    out = tmp_path_factory.mktemp("cli")
    films = {}
    for stem in ("desk", "door"):
        films[stem] = out / f"{stem}.mp4"
        result = run_cli("render", str(scenes[stem]), "-o", str(films[stem]))
        assert result.returncode == 0, result.stderr
    return films


def strict_frames(film: Path) -> int:
    """How many frames ``film`` decodes to, failing on any error the decoder would otherwise conceal."""
    decoded = subprocess.run([media.FFMPEG, "-hide_banner", "-nostdin", "-xerror", "-err_detect", "explode", "-i",
                              str(film), "-map", "0:v", "-f", "framecrc", "-"], capture_output=True, text=True)
    assert decoded.returncode == 0, decoded.stderr
    return sum(1 for line in decoded.stdout.splitlines() if line and not line.startswith("#"))


def test_a_scene_built_as_a_dict_renders_to_the_film_of_the_same_shot_list_file(
        tmp_path: Path, cli_films: dict[str, Path]) -> None:
    scene = storyboard.load(DESK)
    assert isinstance(scene, storyboard.Scene) and [shot.id for shot in scene.shots] == ["desk", "exit"]
    film = tmp_path / "films" / "desk.mp4"
    report = storyboard.render(scene, film)
    assert isinstance(report, storyboard.Report) and report == load_report(tmp_path / "films" / "desk.json")
    assert report["output"] == str(film) and report["title"] == "Desk" and report["render_seconds"] >= 0
    assert [line["text"] for line in report["lines"]] == ["Let me in.", "Access denied."]
    assert report["shots"][0]["signs"] == ["ACCESS DENIED"]
    assert report["shots"][1]["end"] - report["shots"][1]["start"] == pytest.approx(1, abs=1e-3)
    info = media.streams(film)
    assert (info.width, info.height) == (160, 90) and "h264" in info.video and "aac" in info.audio
    assert strict_frames(film) == round(report["duration"] * FPS)
    assert film.read_bytes() == cli_films["desk"].read_bytes()
    assert comparable(report) == comparable(load_report(cli_films["desk"].with_suffix(".json")))


def test_report_goes_beside_the_film_where_asked_or_nowhere(tmp_path: Path, scenes: dict[str, Path],
                                                            cache: Path) -> None:
    elsewhere = storyboard.render(scenes["door"], tmp_path / "a.mp4", report=tmp_path / "reports" / "door.json")
    assert load_report(tmp_path / "reports" / "door.json") == elsewhere and not (tmp_path / "a.json").exists()
    unwritten = storyboard.render(scenes["door"], tmp_path / "b.mp4", report=False)
    assert comparable(unwritten) == comparable(elsewhere) and unwritten["output"] == str(tmp_path / "b.mp4")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.mp4", "b.mp4", "reports"]


def test_a_bad_file_raises_input_error_with_its_line_as_the_cli_prints_it(scenes: dict[str, Path]) -> None:
    with pytest.raises(storyboard.InputError) as caught:
        storyboard.load(scenes["broken"])
    error = caught.value
    assert (error.path, error.line, error.key) == (str(scenes["broken"]), BROKEN_LINE, None)
    assert error.message.startswith("framing 'closeup' is not one of wide, medium, close-up, insert")
    assert str(error) == f"{scenes['broken']}:{BROKEN_LINE}: {error.message}"
    cli = run_cli("check", str(scenes["broken"]))
    assert cli.returncode == 2 and cli.stderr == f"storyboard: {error}\n"
    with pytest.raises(storyboard.InputError) as missing:
        storyboard.render(scenes["broken"].with_name("nowhere.yaml"), scenes["broken"].with_name("nowhere.mp4"))
    assert (missing.value.line, missing.value.key, missing.value.message) == (0, None, "no such file")
    cli = run_cli("render", missing.value.path, "-o", str(scenes["broken"].with_name("nowhere.mp4")))
    assert cli.returncode == 2 and cli.stderr == f"storyboard: {missing.value}\n"
    assert not scenes["broken"].with_name("nowhere.mp4").exists()


def with_value(path: tuple[str | int, ...], value: object) -> dict:
    """DESK with the value at ``path`` (keys and list indexes) replaced by ``value``."""
    scene = json.loads(json.dumps(DESK))
    parent = scene
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return scene


@pytest.mark.parametrize(("path", "value", "key", "message"), [
    (("shots", 1, "framing"), "closeup", "shots[1].framing", "framing 'closeup' is not one of wide, medium"),
    (("characters", "AI Voice", "rte"), 3, "characters['AI Voice'].rte", "unknown key 'rte' in character"),
    (("shots", 0, "lines", 1, "say"), "  ", "shots[0].lines[1].say", "line is empty"),
    (("shots", 1, "id"), "desk", "shots[1]", "shot id 'desk' is used twice (first at shots[0])"),
    (("shots", 1, "duration"), 600.5, "shots[1].duration", "duration 600.5 is out of range (0.1 to 600)"),
    (("fps",), True, "fps", "fps must be a whole number"),
    (("shots",), {}, "shots", "shots must be a list"),
    (("resolution",), [16, 16], "resolution", "resolution must be text"),
])
def test_a_bad_dict_raises_input_error_naming_the_key_path(path: tuple, value: object, key: str, message: str) -> None:
    with pytest.raises(storyboard.InputError) as caught:
        storyboard.load(with_value(path, value))
    error = caught.value
    assert (error.path, error.line, error.key) == ("<dict>", 0, key)
    assert error.message.startswith(message) and str(error) == f"<dict>:{key}: {error.message}"
    assert "<dict>" not in error.message


def test_a_dict_is_read_by_the_rules_of_a_file_on_both_sides_of_a_bound() -> None:
    assert storyboard.load(with_value(("shots", 1, "duration"), 600)).shots[1].duration == 600
    assert storyboard.load(with_value(("fps",), 120)).fps == 120
    with pytest.raises(storyboard.InputError, match=r"^<dict>:fps: fps 121 is out of range"):
        storyboard.load(with_value(("fps",), 121))
    with pytest.raises(storyboard.InputError) as whole:
        storyboard.load({"title": "No shots"})
    assert (whole.value.key, str(whole.value)) == (None, "<dict>: the shot list has no 'shots'")
    assert storyboard.load({"shots": [{"signs": [2024]}]}).title == "untitled"
    assert storyboard.load({"shots": [{"signs": [2024]}]}).shots[0].signs[0].text == "2024"  # as JSON would


def test_two_threads_render_two_scenes_at_once_byte_identical_to_the_cli(
        tmp_path: Path, scenes: dict[str, Path], cli_films: dict[str, Path]) -> None:
    """Both renders do all their work at the same time (an empty cache they share), one from a file, one from a Scene."""
    shared = tmp_path / "cache"
    sources = {"desk": storyboard.load(scenes["desk"]), "door": scenes["door"]}
    start = threading.Barrier(len(sources))
    reports: dict[str, dict] = {}
    failures: list[BaseException] = []
    threads_before = threading.active_count()

    def render(stem: str) -> None:
        try:
            start.wait()
            reports[stem] = storyboard.render(sources[stem], tmp_path / f"{stem}.mp4", cache=shared)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=render, args=(stem,)) for stem in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    assert threading.active_count() == threads_before
    for stem, film in cli_films.items():
        assert (tmp_path / f"{stem}.mp4").read_bytes() == film.read_bytes(), stem
        assert comparable(reports[stem]) == comparable(load_report(film.with_suffix(".json")))


def test_batch_runs_on_a_dask_local_cluster_and_gives_the_cli_films(
        tmp_path: Path, scenes: dict[str, Path], cli_films: dict[str, Path], cache: Path) -> None:
    from distributed import Client, LocalCluster

    order = [scenes["desk"], scenes["broken"], scenes["door"]]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        summary = storyboard.batch(order, tmp_path / "out", client=client)
        assert client.submit(sum, [1, 2]).result() == 3  # the caller's client is left open
    assert summary == json.loads((tmp_path / "out" / "batch.json").read_text())
    assert [row["status"] for row in summary["scenes"]] == ["rendered", "failed", "rendered"]
    assert (summary["rendered"], summary["skipped"], summary["failed"]) == (2, 0, 1)
    assert summary["scenes"][1]["error"].startswith(f"{scenes['broken']}:{BROKEN_LINE}: framing 'closeup'")
    for stem, film in cli_films.items():
        assert (tmp_path / "out" / f"{stem}.mp4").read_bytes() == film.read_bytes(), stem
        assert comparable(load_report(tmp_path / "out" / f"{stem}.json")) == comparable(load_report(film.with_suffix(".json")))
    again = storyboard.batch(order, tmp_path / "out", jobs=1)  # locally, and the two films are up to date
    assert [row["status"] for row in again["scenes"]] == ["skipped", "failed", "skipped"]


def test_plan_is_the_document_plan_json_prints_and_panels_can_be_left_out(scenes: dict[str, Path], cache: Path) -> None:
    timing = storyboard.plan(scenes["desk"])
    cli = run_cli("plan", str(scenes["desk"]), "--json")
    assert cli.returncode == 0 and timing == json.loads(cli.stdout)
    assert all("panel" in shot for shot in timing["shots"])
    quick = storyboard.plan(scenes["desk"], panels=False)
    assert [{key: value for key, value in shot.items() if key != "panel"} for shot in timing["shots"]] == quick["shots"]
    assert quick.table == timing.table == run_cli("plan", str(scenes["desk"])).stdout.rstrip("\n")


def test_slate_and_image_root_are_the_cli_flags(tmp_path: Path, scenes: dict[str, Path], cache: Path) -> None:
    slated = storyboard.render(scenes["door"], tmp_path / "slate.mp4", slate=True)
    cli = run_cli("render", str(scenes["door"]), "-o", str(tmp_path / "cli.mp4"), "--slate")
    assert cli.returncode == 0, cli.stderr
    assert (tmp_path / "slate.mp4").read_bytes() == (tmp_path / "cli.mp4").read_bytes()
    assert slated["duration"] == storyboard.render(scenes["door"], tmp_path / "plain.mp4")["duration"]
    assert (tmp_path / "slate.mp4").read_bytes() != (tmp_path / "plain.mp4").read_bytes()
    assert storyboard.load(scenes["door"], image_root=tmp_path).title == "Door"  # a folder: fine
    with pytest.raises(storyboard.InputError) as caught:
        storyboard.load(scenes["door"], image_root=tmp_path / "slate.mp4")
    assert str(caught.value) == f"--image-root: '{tmp_path / 'slate.mp4'}' is not a folder"
    cli = run_cli("check", str(scenes["door"]), "--image-root", str(tmp_path / "slate.mp4"))
    assert cli.returncode == 2 and cli.stderr == f"storyboard: {caught.value}\n"


def test_a_failed_render_raises_render_error_and_leaves_nothing(tmp_path: Path, scenes: dict[str, Path]) -> None:
    """Every ffmpeg run fails (named before the process first asks where ffmpeg is): RenderError, no film, no report."""
    probe = f"""
import storyboard
try:
    storyboard.render({str(scenes["door"])!r}, "door.mp4", cache=False)
except storyboard.RenderError as error:
    print(error)
"""
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "IMAGEIO_FFMPEG_EXE": "/bin/false"})
    assert (result.returncode, result.stdout, result.stderr) == (0, "ffmpeg failed: no message\n", "")
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_may_not_be_written_is_an_input_error_before_any_work(
        tmp_path: Path, scenes: dict[str, Path], cache: Path) -> None:
    taken = tmp_path / "taken.mp4"
    taken.mkdir()
    with pytest.raises(storyboard.InputError) as caught:
        storyboard.render(scenes["door"], taken)
    assert str(caught.value) == f"{taken}: the film would be written over a folder; give a file name"
    source = tmp_path / "door.yaml"
    source.write_text(DOOR)
    with pytest.raises(storyboard.InputError, match="the report would be written over the source"):
        storyboard.render(storyboard.load(source), tmp_path / "film.mp4", report=source)
    with pytest.raises(storyboard.InputError, match="the report would be written over the film"):
        storyboard.render(DESK, tmp_path / "film.json")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["door.yaml", "taken.mp4"] and not any(taken.iterdir())
    assert source.read_text() == DOOR


def test_the_api_prints_nothing_and_leaves_the_process_as_it_was(tmp_path: Path, scenes: dict[str, Path],
                                                                 cache: Path, capfd: pytest.CaptureFixture) -> None:
    environment, collecting, frozen = dict(os.environ), gc.isenabled(), gc.get_freeze_count()
    prompt = tmp_path / "pitch.txt"
    prompt.write_text("A wide shot of an office at night. A sign reads NIGHT SHIFT. A guard says: \"All clear.\"\n")
    for _ in range(2):  # the second time the film is replayed from the cache
        storyboard.render(scenes["door"], tmp_path / "door.mp4")
        storyboard.render(storyboard.import_source(prompt).scene, tmp_path / "pitch.mp4", resolution="160x90")
    assert storyboard.plan(scenes["door"])["shots"][0]["id"] == "door"
    with pytest.raises(storyboard.InputError):
        storyboard.load(scenes["broken"])
    assert capfd.readouterr() == ("", "")
    assert dict(os.environ) == environment and gc.isenabled() == collecting and gc.get_freeze_count() == frozen


def test_import_source_gives_yaml_and_its_scene(tmp_path: Path) -> None:
    prompt = tmp_path / "pitch.txt"
    prompt.write_text("A close-up of a phone screen. It reads LOW BATTERY.\n")
    imported = storyboard.import_source(prompt)
    assert isinstance(imported, storyboard.Imported) and "LOW BATTERY" in imported.text
    saved = tmp_path / "pitch.yaml"
    saved.write_text(imported.text)
    assert storyboard.load(saved)._replace(source="") == imported.scene._replace(source="")
    cli = run_cli("import", str(prompt))
    assert cli.returncode == 0 and cli.stdout == imported.text
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    with pytest.raises(storyboard.InputError) as caught:
        storyboard.import_source(empty)
    assert (caught.value.path, caught.value.line) == (str(empty), 1)
    cli = run_cli("import", str(empty))
    assert cli.returncode == 2 and cli.stderr == f"storyboard: {caught.value}\n"


def test_import_storyboard_loads_nothing_until_a_name_is_used() -> None:
    probe = """
import sys, storyboard
heavy = ("yaml", "numpy", "PIL", "typing")
def loaded(): return sorted(m for m in sys.modules if m.startswith("storyboard") or m in heavy)
print(loaded())
names = {name: getattr(storyboard, name) for name in storyboard.__all__}
import storyboard.render, storyboard.batch  # the modules of the same names as the API's functions
print(loaded())
print(storyboard.render is names["render"], storyboard.batch is names["batch"], callable(storyboard.render))
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    bare, used, same = result.stdout.splitlines()
    assert bare == "['storyboard']"
    assert not {"yaml", "numpy", "PIL"} & set(eval(used))
    assert same == "True True True"


def test_type_hints_ship_with_the_package(tmp_path: Path) -> None:
    """py.typed (PEP 561) is in the wheel pip builds from a clean copy of the project."""
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    shutil.copytree(ROOT / "storyboard", tmp_path / "storyboard", ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
                            "-w", str(tmp_path / "dist"), str(tmp_path)], capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = (tmp_path / "dist").glob("storyboard-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "storyboard/py.typed" in names and "storyboard/api.py" in names
