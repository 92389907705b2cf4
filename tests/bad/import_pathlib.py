import pathlib
