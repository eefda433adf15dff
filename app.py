"""Top-level shim so `streamlit run app.py` works from a checkout; the app lives in kgreview/app."""

from kgreview.app.main import run

run()
