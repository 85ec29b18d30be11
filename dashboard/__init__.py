"""The Streamlit dashboard of HKD Kaart."""
