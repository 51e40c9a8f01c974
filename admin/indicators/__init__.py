"""The national strategy's indicators: participation, complaint growth, citizens' satisfaction."""
