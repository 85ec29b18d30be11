"""Pure geospatial logic for HKD Kaart: no Streamlit, no database."""
