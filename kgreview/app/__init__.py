"""The Streamlit explorer: one module per page, shared widgets in components.py."""
