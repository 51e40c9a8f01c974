"""CSV and XLSX exports of the filtered work queue."""
